using Edge.BeaconGateway.Diagnostics;
using Edge.BeaconGateway.Members;
using Edge.BeaconGateway.Pipeline;
using Edge.BeaconGateway.Receivers;
using Edge.BeaconGateway.Simulation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.BeaconGateway.Hosting;

/// <summary>Source "simulator": a seeded store whose members' keys are loaded into the resolver, stepped on the injected clock.</summary>
internal sealed class SimulatorService(
    BeaconGatewayPipeline pipeline,
    RotatingIdResolver resolver,
    ReceiverMap receivers,
    IOptions<SimulatorOptions> options,
    TimeProvider time,
    ILogger<SimulatorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var simulator = new StoreSimulator(o, receivers.Count, time.GetUtcNow());
        IReadOnlyList<MemberKey>? assigned = null;
        if (!o.MemberKeysFromHub)
        {
            resolver.UpdateKeys(simulator.MemberKeys);
        }

        GatewayLog.SimulatorStarted(logger, o.Members, o.Strangers, receivers.Count, o.Seed);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (o.MemberKeysFromHub && !ReferenceEquals(assigned, resolver.Keys))
            {
                // Enrolments and revocations reach the gateway as a new key list: the phones follow it.
                assigned = resolver.Keys;
                simulator.AssignMemberKeys(assigned);
            }

            simulator.Step(time.GetUtcNow(), pipeline);
            try
            {
                await Task.Delay(o.Step, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
