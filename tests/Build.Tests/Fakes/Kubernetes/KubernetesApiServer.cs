using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace GitOpsRunners.Tests.Fakes.Kubernetes;

/// <summary>
/// A Kubernetes API server on loopback HTTP that speaks enough of the REST protocol for KubernetesClient and
/// <c>kubectl --server</c>: discovery (<c>/api</c>, <c>/apis</c>, group versions), get and list of namespaced and
/// cluster-scoped objects with label and field selectors, server-side Tables, Status errors, and switchable
/// 401/403 faults. Adding a CustomResourceDefinition registers its resource types, as a real server does.
/// Objects can be changed while clients read them.
/// </summary>
public sealed class KubernetesApiServer : IAsyncDisposable
{
    private LoopbackServer _server = null!;
    private readonly KubernetesObjectStore _store = new();
    private readonly ConcurrentDictionary<(string Group, string Version, string Plural), ApiResourceType> _types =
        new();
    private readonly ConcurrentQueue<string> _requests = new();

    private KubernetesApiServer()
    {
        foreach (var type in ApiResourceType.BuiltIn)
        {
            Register(type);
        }
    }

    public Uri Url => _server.BaseUri;

    public ApiFaults Faults { get; } = new();

    /// <summary>Requests served so far, as <c>GET /apis/...?query</c>.</summary>
    public IReadOnlyList<string> Requests => _requests.ToList();

    public static async Task<KubernetesApiServer> StartAsync()
    {
        var server = new KubernetesApiServer();
        server._server = await LoopbackServer.StartAsync(server.HandleAsync).ConfigureAwait(false);
        return server;
    }

    public void Register(ApiResourceType type) => _types[(type.Group, type.Version, type.Plural)] = type;

    /// <summary>
    /// Adds or replaces objects (JSON text with apiVersion, kind and metadata). A CRD also registers its types; the namespace
    /// of a namespaced object is created when it does not exist yet.
    /// </summary>
    public void Add(params string[] objects)
    {
        foreach (var json in objects)
        {
            Add(JsonNode.Parse(json)!.AsObject());
        }
    }

    public void Add(JsonObject obj)
    {
        var type = TypeOf((string?)obj["apiVersion"], (string?)obj["kind"]);
        if (type.Namespaced)
        {
            var ns = (string?)obj["metadata"]?["namespace"] ?? "default";
            var namespaces = TypeOf("v1", "Namespace");
            if (_store.Get(namespaces, null, ns) is null)
            {
                _store.Put(
                    namespaces,
                    new JsonObject
                    {
                        ["apiVersion"] = "v1",
                        ["kind"] = "Namespace",
                        ["metadata"] = new JsonObject { ["name"] = ns },
                        ["status"] = new JsonObject { ["phase"] = "Active" },
                    }
                );
            }
        }

        _store.Put(type, obj);
        if (type.Kind == "CustomResourceDefinition")
        {
            RegisterCrd(obj);
        }
    }

    /// <summary>Changes a stored object in place, e.g. to make a Kustomization apply a newer revision while a client waits.</summary>
    public void Update(string apiVersion, string kind, string? ns, string name, Action<JsonObject> change)
    {
        if (!_store.Update(TypeOf(apiVersion, kind), ns, name, change))
        {
            throw new InvalidOperationException($"{kind} {ns}/{name} is not in the fake API server");
        }
    }

    public bool Remove(string apiVersion, string kind, string? ns, string name) =>
        _store.Remove(TypeOf(apiVersion, kind), ns, name);

    /// <summary>Writes a kubeconfig whose context <paramref name="context"/> points at this server with a bearer token.</summary>
    public string WriteKubeconfig(string path, string context = "fake", string token = "fake-token")
    {
        File.WriteAllText(
            path,
            $"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: {context}
                cluster:
                  server: {Url.ToString().TrimEnd('/')}
            users:
              - name: {context}
                user:
                  token: {token}
            contexts:
              - name: {context}
                context:
                  cluster: {context}
                  user: {context}
            current-context: {context}
            """
        );
        return path;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private ApiResourceType TypeOf(string? apiVersion, string? kind)
    {
        var slash = apiVersion?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        var group = slash < 0 ? "" : apiVersion![..slash];
        var version = slash < 0 ? apiVersion : apiVersion![(slash + 1)..];
        return _types.Values.FirstOrDefault(t => t.Group == group && t.Version == version && t.Kind == kind)
            ?? throw new InvalidOperationException(
                $"the fake API server does not serve {apiVersion} {kind}; add its CustomResourceDefinition first"
            );
    }

    private void RegisterCrd(JsonObject crd)
    {
        var spec = crd["spec"]!;
        var names = spec["names"]!;
        var shortNames = (names["shortNames"] as JsonArray)?.Select(s => (string)s!).ToList() ?? [];
        foreach (
            var version in (spec["versions"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Where(v => (bool?)v["served"] != false)
        )
        {
            Register(
                new ApiResourceType(
                    (string)spec["group"]!,
                    (string)version["name"]!,
                    (string)names["kind"]!,
                    (string)names["plural"]!,
                    (string?)names["singular"] ?? ((string)names["kind"]!).ToLowerInvariant(),
                    (string?)spec["scope"] != "Cluster",
                    shortNames
                )
            );
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        _requests.Enqueue($"{request.Method} {request.Path}{request.QueryString}");
        if (Faults.NeverAnswer)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }).ConfigureAwait(false);
            return;
        }

        if (Faults.AnswerGarbage)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("<html>Sign in to continue</html>").ConfigureAwait(false);
            return;
        }

        var (code, body) = Faults.Unauthorized
            ? (401, KubernetesDocuments.Status(401, "Unauthorized", "Unauthorized"))
            : Route(request);
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private (int Code, JsonObject Body) Route(HttpRequest request)
    {
        var path = (request.Path.Value ?? "").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return path switch
        {
            ["api"] => (200, KubernetesDocuments.ApiVersions(Url.Authority)),
            ["apis"] => (200, KubernetesDocuments.GroupList(_types.Values)),
            ["version"] => (
                200,
                new JsonObject
                {
                    ["major"] = "1",
                    ["minor"] = "33",
                    ["gitVersion"] = "v1.33.0",
                    ["platform"] = "linux/amd64",
                }
            ),
            ["api", "v1"] => Discovery("", "v1"),
            ["apis", var group, var version] => Discovery(group, version),
            ["api", "v1", .. var rest] => Resource(request, "", "v1", rest),
            ["apis", var group, var version, .. var rest] => Resource(request, group, version, rest),
            _ => NotFound(),
        };
    }

    private (int, JsonObject) Discovery(string group, string version)
    {
        var types = _types
            .Values.Where(t => t.Group == group && t.Version == version)
            .OrderBy(t => t.Plural, StringComparer.Ordinal)
            .ToList();
        return types.Count == 0 ? NotFound() : (200, KubernetesDocuments.ResourceList(types[0].GroupVersion, types));
    }

    private (int, JsonObject) Resource(HttpRequest request, string group, string version, string[] rest)
    {
        string? ns = null;
        if (
            rest is ["namespaces", var n, _, ..]
            && _types.TryGetValue((group, version, rest[2]), out var inNamespace)
            && inNamespace.Namespaced
        )
        {
            ns = n;
            rest = rest[2..];
        }

        if (rest.Length is 0 or > 3 || !_types.TryGetValue((group, version, rest[0]), out var type))
        {
            return NotFound();
        }

        var name = rest.Length > 1 ? rest[1] : null;
        if (request.Method != HttpMethods.Get)
        {
            return (
                405,
                KubernetesDocuments.Status(
                    405,
                    "MethodNotAllowed",
                    $"the server does not allow this method on the requested resource ({request.Method})"
                )
            );
        }

        var verb =
            name is not null ? "get"
            : request.Query["watch"] == "true" ? "watch"
            : "list";
        if (Faults.IsForbidden(verb, type.Plural))
        {
            return Forbidden(verb, type, ns, name);
        }

        var table = request.Headers.Accept.Any(a => a?.Contains("as=Table", StringComparison.Ordinal) == true);
        var includeObject = request.Query["includeObject"] == "Object";
        if (name is not null)
        {
            var found = _store.Get(type, type.Namespaced ? ns ?? "default" : null, name);
            if (found is null)
            {
                return (
                    404,
                    KubernetesDocuments.Status(
                        404,
                        "NotFound",
                        $"{type.QualifiedResource} \"{name}\" not found",
                        new JsonObject
                        {
                            ["name"] = name,
                            ["group"] = group,
                            ["kind"] = type.Plural,
                        }
                    )
                );
            }

            found["apiVersion"] = type.GroupVersion;
            return (200, table ? KubernetesDocuments.Table([found], _store.ResourceVersion, includeObject) : found);
        }

        var items = _store
            .List(type, ns)
            .Where(o => KubernetesSelectors.MatchesLabels(o, request.Query["labelSelector"]))
            .Where(o => KubernetesSelectors.MatchesFields(o, request.Query["fieldSelector"]))
            .Select(o =>
            {
                o["apiVersion"] = type.GroupVersion;
                return o;
            })
            .ToList();
        return (
            200,
            table
                ? KubernetesDocuments.Table(items, _store.ResourceVersion, includeObject)
                : KubernetesDocuments.List(type, items, _store.ResourceVersion)
        );
    }

    private (int, JsonObject) Forbidden(string verb, ApiResourceType type, string? ns, string? name)
    {
        var scope = type.Namespaced && ns is not null ? $"in the namespace \"{ns}\"" : "at the cluster scope";
        var subject = name is null ? type.QualifiedResource : $"{type.QualifiedResource} \"{name}\"";
        var message =
            $"{subject} is forbidden: User \"{Faults.User}\" cannot {verb} resource \"{type.Plural}\" in API group \"{type.Group}\" {scope}";
        return (
            403,
            KubernetesDocuments.Status(
                403,
                "Forbidden",
                message,
                new JsonObject
                {
                    ["name"] = name,
                    ["group"] = type.Group,
                    ["kind"] = type.Plural,
                }
            )
        );
    }

    private static (int, JsonObject) NotFound() =>
        (
            404,
            KubernetesDocuments.Status(
                404,
                "NotFound",
                "the server could not find the requested resource",
                new JsonObject()
            )
        );
}
