using Edge.Agent.Hosting;
using Edge.Hosting;

return await EdgeService.RunAsync("edge-agent", args, static args => AgentApp.Build(args));
