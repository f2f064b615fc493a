using System.CommandLine;
using CompactConv.Audio.Features;
using CompactConv.Pipelines;
using CompactConv.Training.Augmentation;

namespace CompactConv.Cli.Commands;

/// <summary>Options of audio tasks: dataset fold, front end, cache and augmentation; shared by train and features.</summary>
public sealed class AudioOptions
{
    /// <summary>--fold N.</summary>
    public Option<int?> Fold { get; } = new("--fold") { Description = "Test fold (esc50: 1-5, urbansound8k: 1-10; tau: 1)" };

    /// <summary>--skip-bad.</summary>
    public Option<bool> SkipBad { get; } = new("--skip-bad") { Description = "Leave out unreadable audio or image files and bad metadata rows (listed) instead of failing" };

    /// <summary>--cache DIR.</summary>
    public Option<string?> Cache { get; } = new("--cache") { Description = "Feature cache folder (default ~/.cache/compactconv/features)" };

    /// <summary>--sample-rate HZ.</summary>
    public Option<int> SampleRate { get; } = new("--sample-rate") { Description = "Resample audio to this rate", DefaultValueFactory = _ => 44100 };

    /// <summary>--mels N.</summary>
    public Option<int> Mels { get; } = new("--mels") { Description = "Mel bands", DefaultValueFactory = _ => 128 };

    /// <summary>--n-fft N.</summary>
    public Option<int> NFft { get; } = new("--n-fft") { Description = "FFT size", DefaultValueFactory = _ => 2048 };

    /// <summary>--hop N.</summary>
    public Option<int> Hop { get; } = new("--hop") { Description = "Hop length in samples", DefaultValueFactory = _ => 1024 };

    /// <summary>--mixup ALPHA.</summary>
    public Option<double> Mixup { get; } = new("--mixup") { Description = "Mixup alpha (0: off)", DefaultValueFactory = _ => 0 };

    /// <summary>--time-masks N.</summary>
    public Option<int> TimeMasks { get; } = new("--time-masks") { Description = "SpecAugment time masks per example", DefaultValueFactory = _ => 0 };

    /// <summary>--freq-masks N.</summary>
    public Option<int> FrequencyMasks { get; } = new("--freq-masks") { Description = "SpecAugment frequency masks per example", DefaultValueFactory = _ => 0 };

    /// <summary>--crop-frames N.</summary>
    public Option<int?> CropFrames { get; } = new("--crop-frames") { Description = "Train on random crops of N frames; evaluation averages crops over each clip" };

    /// <summary>Adds the dataset and front-end options.</summary>
    public void AddDataOptionsTo(Command command)
    {
        foreach (var option in new Option[] { Fold, SkipBad, Cache, SampleRate, Mels, NFft, Hop }) command.Options.Add(option);
    }

    /// <summary>Adds the augmentation options.</summary>
    public void AddAugmentationOptionsTo(Command command)
    {
        foreach (var option in new Option[] { Mixup, TimeMasks, FrequencyMasks, CropFrames }) command.Options.Add(option);
    }

    /// <summary>The front-end options; impossible values are usage errors naming the option.</summary>
    public LogMelOptions Features(ParseResult parse)
    {
        var options = new LogMelOptions
        {
            SampleRate = parse.GetValue(SampleRate),
            NMels = parse.GetValue(Mels),
            NFft = parse.GetValue(NFft),
            HopLength = parse.GetValue(Hop),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"front end: {e.Message}");
        }
        // librosa only warns; here the empty bands would be constant inputs the model learns nothing from.
        var empty = MelFilterbank.EmptyFilters(MelFilterbank.Create(options));
        if (empty.Length > 0)
        {
            throw new UsageException($"--mels {options.NMels} is too many for --n-fft {options.NFft} at --sample-rate {options.SampleRate}: "
                + $"mel band(s) {Ranges(empty)} ({empty.Length} of {options.NMels}) get no FFT bin and would stay empty; use fewer --mels or a larger --n-fft");
        }
        return options;
    }

    // 0, 1, 2, 5 -> "0-2, 5"; past the eighth range, "...": the count follows in the message.
    private static string Ranges(int[] sorted)
    {
        const int Most = 8;
        var parts = new List<string>();
        int start = 0;
        for (int i = 1; i <= sorted.Length; i++)
        {
            if (i < sorted.Length && sorted[i] == sorted[i - 1] + 1) continue;
            parts.Add(i - 1 == start ? $"{sorted[start]}" : $"{sorted[start]}-{sorted[i - 1]}");
            start = i;
        }
        return string.Join(", ", parts.Take(Most)) + (parts.Count > Most ? ", ..." : "");
    }

    /// <summary>The data request for <paramref name="dataset"/> in <paramref name="dataDir"/>, scenes or events.</summary>
    /// <remarks>--fold, which the event layouts' fixed splits have no use for, is refused by <see cref="TaskOptionCheck"/>.</remarks>
    public AudioDataRequest Request(ParseResult parse, string dataset, string dataDir, int seed) => new()
    {
        Dataset = dataset,
        DataDir = dataDir,
        Fold = parse.GetValue(Fold),
        SkipBad = parse.GetValue(SkipBad),
        Features = Features(parse),
        CacheDir = parse.GetValue(Cache),
        Seed = seed,
    };

    /// <summary>The augmentation options.</summary>
    public AugmentationOptions Augmentation(ParseResult parse) => new()
    {
        MixupAlpha = parse.GetValue(Mixup),
        TimeMasks = parse.GetValue(TimeMasks),
        FrequencyMasks = parse.GetValue(FrequencyMasks),
        CropFrames = parse.GetValue(CropFrames),
    };
}
