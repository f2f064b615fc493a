return CompactConv.Cli.CliApp.Run(args);
