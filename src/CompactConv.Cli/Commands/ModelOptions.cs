using System.CommandLine;
using CompactConv.Layers;
using CompactConv.Models;

namespace CompactConv.Cli.Commands;

/// <summary>The options that pick a model and its conv kind, shared by train and summary.</summary>
public sealed class ModelOptions
{
    /// <summary>--model NAME.</summary>
    public Option<string> Model { get; } = new("--model") { Description = $"Model name ({string.Join(", ", ModelRegistry.Names)})", DefaultValueFactory = _ => "smallcnn" };

    /// <summary>--conv KIND.</summary>
    public Option<string> Conv { get; } = new("--conv") { Description = $"Conv kind ({string.Join(", ", ConvKinds.All.Select(k => k.Name()))})", DefaultValueFactory = _ => "standard" };

    /// <summary>--op OP.</summary>
    public Option<string> Op { get; } = new("--op") { Description = "Interchannel operation of compact (max, mean, sum, min, rms, absmax, logsumexp, stochastic, select)", DefaultValueFactory = _ => "max" };

    /// <summary>--r N.</summary>
    public Option<int> R { get; } = new("--r") { Description = "Channel group size of compact / squeeze ratio", DefaultValueFactory = _ => 2 };

    /// <summary>--grouping adjacent|interleaved.</summary>
    public Option<string> Grouping { get; } = new("--grouping") { Description = "Channel grouping of compact (adjacent, interleaved)", DefaultValueFactory = _ => "adjacent" };

    /// <summary>--width X.</summary>
    public Option<double> Width { get; } = new("--width") { Description = $"Channel width multiplier (above 0, at most {ModelSpec.MaxWidth})", DefaultValueFactory = _ => 1.0 };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Model);
        command.Options.Add(Conv);
        command.Options.Add(Op);
        command.Options.Add(R);
        command.Options.Add(Grouping);
        command.Options.Add(Width);
    }

    /// <summary>Builds a model spec from the parsed options; invalid values throw naming the option.</summary>
    public ModelSpec ToSpec(ParseResult parse, int[] inputShape, int numClasses)
    {
        string model = parse.GetValue(Model)!;
        if (!ModelRegistry.Contains(model))
        {
            throw new UsageException($"--model: unknown model '{model}' (expected one of: {string.Join(", ", ModelRegistry.Names)})");
        }
        int r = parse.GetValue(R);
        if (r < 1) throw new UsageException($"--r must be at least 1, got {r}");
        double width = ModelSpec.CheckWidth(parse.GetValue(Width));
        return new ModelSpec
        {
            Name = model.ToLowerInvariant(),
            Conv = Named("--conv", () => ConvKinds.Parse(parse.GetValue(Conv)!)),
            ConvOptions = ConvOptions.Default with
            {
                Op = Named("--op", () => ChannelPoolNames.ParseOp(parse.GetValue(Op)!)),
                Grouping = Named("--grouping", () => ChannelPoolNames.ParseGrouping(parse.GetValue(Grouping)!)),
                R = r,
            },
            Width = width,
            InputShape = inputShape,
            NumClasses = numClasses,
        };
    }

    private static T Named<T>(string option, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{option}: {e.Message}");
        }
    }
}
