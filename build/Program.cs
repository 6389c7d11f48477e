using GitOpsRunners;
using GitOpsRunners.Engine;

return await BuildRunner.RunAsync<Build>(args);
