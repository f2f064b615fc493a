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
            OptionFlags.ToFlags("TrainingOptions.Augmentation.MixupAlpha and TrainingOptions.Augmentation.CropFrames do not apply here"));
    }

    [Fact]
    public void Method_parameters_become_flags()
    {
        Assert.Equal("/runs/a: already holds a checkpoint; resume it with --resume or choose another folder",
            OptionFlags.ToFlags("/runs/a: already holds a checkpoint; resume it with Trainer.Run(resume) or choose another folder"));
        Assert.Equal("the run names no data folder; give one as --data",
            OptionFlags.ToFlags("the run names no data folder; give one as AudioDataRequest.For(dataDir)"));
    }

    [Fact]
    public void A_library_refusal_reads_as_the_command_line_wrote_it()
    {
        var missing = Assert.Throws<ArgumentException>(() => CompactConv.Data.Images.ImageDatasets.Load("cifar10", null));
        Assert.Equal("ImageDataRequest.DataDir is required for cifar10: the folder of the unpacked dataset", missing.Message);
        Assert.Equal("--data is required for cifar10: the folder of the unpacked dataset", OptionFlags.ToFlags(missing.Message));

        var fold = Assert.Throws<ArgumentException>(() => CompactConv.Data.Audio.AudioDatasets.Load("esc50", ".", fold: 9));
        Assert.Equal("--fold must be 1-5 for esc50, got 9", OptionFlags.ToFlags(fold.Message));
    }

    [Fact]
    public void Names_inside_longer_identifiers_and_unknown_names_are_left_alone()
    {
        Assert.Equal("TrainingOptions.EpochsSoFar is 3", OptionFlags.ToFlags("TrainingOptions.EpochsSoFar is 3"));
        Assert.Equal("MyOptions.TrainingOptions.Epochs is odd", OptionFlags.ToFlags("MyOptions.TrainingOptions.Epochs is odd"));
        Assert.Equal("Epochs must be at least 1", OptionFlags.ToFlags("Epochs must be at least 1"));
    }

    [Fact]
    public void A_refused_training_option_is_named_by_its_flag()
    {
        var e = Assert.Throws<CompactConv.Training.InvalidOptionException>(() =>
            new CompactConv.Training.TrainingOptions { Augmentation = new() { CropFrames = 0 } }.Validate());
        Assert.Equal("--crop-frames must be at least 1, got 0", OptionFlags.Reword(e));
        Assert.StartsWith("Augmentation.CropFrames must be at least 1", e.Message);
    }

    [Fact]
    public void Every_entry_names_a_real_library_member()
    {
        var types = new[] { typeof(CompactConv.Models.ModelSpec), typeof(CompactConv.DataException), typeof(CompactConv.Training.TrainingOptions), typeof(CompactConv.Onnx.OnnxExportOptions) }
            .SelectMany(t => t.Assembly.GetExportedTypes())
            .ToLookup(t => t.Name, StringComparer.Ordinal);
        foreach (var name in OptionFlags.Flags.Keys)
        {
            // Type.Property[.Property...] or Type.Method(parameter).
            string[] parts = name.Split('.');
            var type = Assert.Single(types[parts[0]]);
            string last = parts[^1];
            for (int i = 1; i < parts.Length - 1; i++)
                type = type.GetProperty(parts[i])?.PropertyType ?? throw new Xunit.Sdk.XunitException($"{name}: no property {parts[i]}");
            if (last.EndsWith(')'))
            {
                int open = last.IndexOf('(');
                string method = last[..open], parameter = last[(open + 1)..^1];
                Assert.True(type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
                    .Any(m => m.Name == method && m.GetParameters().Any(p => p.Name == parameter)), $"{name}: no such method and parameter");
            }
            else
            {
                Assert.True(type.GetProperty(last) is not null, $"{name}: {type.Name} has no property {last}");
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
