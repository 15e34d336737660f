using Edge.Provisioning;

// edge-provision: store IT's tool on the hub. Commands are assembled in CliApplication; this file only runs them.
return await CliApplication.RunAsync(args, Console.Out, Console.Error, TimeProvider.System, CancellationToken.None);
