using TapCustomerIo.Cli;

return await TapCommand.RunAsync(args, Console.OpenStandardOutput()).ConfigureAwait(false);
