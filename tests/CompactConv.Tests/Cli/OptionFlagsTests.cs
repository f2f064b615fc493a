using System.CommandLine;
using System.Reflection;
using CompactConv.Cli;

namespace CompactConv.Tests.Cli;

public class OptionFlagsTests
{
    [Fact]
    public void Library_names_become_flags()
    {
        Assert.Equal("--epochs must be at least 1, got 0", OptionFlags.ToFlags("TrainingOptions.Epochs must be at least 1, got 0"));
        Assert.Equal("--mixup and --crop-frames do not apply here",
            OptionFlags.ToFlags("AugmentationOptions.MixupAlpha and AugmentationOptions.CropFrames do not apply here"));
    }

    [Fact]
    public void Names_inside_longer_identifiers_and_unknown_names_are_left_alone()
    {
        Assert.Equal("TrainingOptions.EpochsSoFar is 3", OptionFlags.ToFlags("TrainingOptions.EpochsSoFar is 3"));
        Assert.Equal("MyOptions.TrainingOptions.Epochs is odd", OptionFlags.ToFlags("MyOptions.TrainingOptions.Epochs is odd"));
        Assert.Equal("Epochs must be at least 1", OptionFlags.ToFlags("Epochs must be at least 1"));
    }

    [Fact]
    public void Every_entry_names_a_real_library_member()
    {
        var types = new[] { typeof(CompactConv.Models.ModelSpec), typeof(CompactConv.DataException), typeof(CompactConv.Training.TrainingOptions) }
            .SelectMany(t => t.Assembly.GetExportedTypes())
            .ToLookup(t => t.Name, StringComparer.Ordinal);
        foreach (var name in OptionFlags.Flags.Keys)
        {
            int dot = name.IndexOf('.');
            string typeName = name[..dot], member = name[(dot + 1)..];
            var type = Assert.Single(types[typeName]);
            if (member.EndsWith(')'))
            {
                // Method(parameter): the method exists with a parameter of that name.
                int open = member.IndexOf('(');
                string method = member[..open], parameter = member[(open + 1)..^1];
                Assert.True(type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
                    .Any(m => m.Name == method && m.GetParameters().Any(p => p.Name == parameter)), $"{name}: no such method and parameter");
            }
            else
            {
                Assert.True(type.GetProperty(member) is not null, $"{name}: {typeName} has no property {member}");
            }
        }
    }

    [Fact]
    public void Every_entry_names_a_flag_some_command_has()
    {
        var flags = new HashSet<string>(StringComparer.Ordinal);
        void Collect(Command command)
        {
            foreach (var option in command.Options) flags.Add(option.Name);
            foreach (var sub in command.Subcommands) Collect(sub);
        }
        Collect(CliApp.CreateRoot());
        foreach (var (name, flag) in OptionFlags.Flags)
            Assert.True(flags.Contains(flag), $"{name} maps to {flag}, which no command has");
    }
}
