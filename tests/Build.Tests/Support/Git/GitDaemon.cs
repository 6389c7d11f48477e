using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GitOpsRunners.Tests.Support.Git;

/// <summary>
/// <c>git daemon</c> serving a folder over git:// on a free loopback port with receive-pack on,
/// so pushes go through real <c>git receive-pack</c> and its hooks. Null when git is not installed.
/// </summary>
public sealed class GitDaemon : IDisposable
{
    private readonly Process _process;

    private GitDaemon(Process process, int port, string basePath)
    {
        _process = process;
        Port = port;
        BasePath = basePath;
    }

    public int Port { get; }
    public string BasePath { get; }

    public string UrlFor(string repositoryFolder) => $"git://127.0.0.1:{Port}/{repositoryFolder}";

    /// <summary>
    /// Installs a pre-receive hook in the bare <paramref name="originPath"/> that refuses every push with
    /// <paramref name="message"/>, serves it with git daemon (so real receive-pack runs the hook) and points
    /// the clone at <paramref name="workPath"/>'s origin there. Null where git daemon cannot run.
    /// </summary>
    public static async Task<GitDaemon?> ServeRefusingOriginAsync(string originPath, string workPath, string message)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var hook = System.IO.Path.Combine(originPath, "hooks", "pre-receive");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(hook)!);
        await File.WriteAllTextAsync(hook, $"#!/bin/sh\necho '{message}' >&2\nexit 1\n");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var daemon = await StartAsync(System.IO.Path.GetDirectoryName(originPath)!);
        if (daemon is not null)
        {
            using var work = new LibGit2Sharp.Repository(workPath);
            work.Network.Remotes.Update("origin", r => r.Url = daemon.UrlFor(System.IO.Path.GetFileName(originPath)));
        }

        return daemon;
    }

    public static async Task<GitDaemon?> StartAsync(string basePath)
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("git")
        {
            ArgumentList =
            {
                "daemon",
                "--reuseaddr",
                "--listen=127.0.0.1",
                $"--port={port}",
                $"--base-path={basePath}",
                "--export-all",
                "--enable=receive-pack",
                "--informative-errors",
                basePath,
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        if (process is null)
        {
            return null;
        }

        var daemon = new GitDaemon(process, port, basePath);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                daemon.Dispose();
                return null;
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return daemon;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        daemon.Dispose();
        return null;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException) { }

        _process.Dispose();
    }
}
