using System.CommandLine;
using CompactConv.Cli.Commands;

return new RootCommand { DataSubsetCommand.Create() }.Parse(args).Invoke();
