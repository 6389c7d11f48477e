using System.Net;
using System.Net.Sockets;

namespace GitOpsRunners.Tests.Support;

/// <summary>Ports on 127.0.0.1 for processes that must be told one (git daemon, the registry) or for a refused connection.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
