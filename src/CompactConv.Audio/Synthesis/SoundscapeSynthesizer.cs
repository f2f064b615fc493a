using System.Runtime.ExceptionServices;
using CompactConv.IO;

namespace CompactConv.Audio.Synthesis;

/// <summary>
/// Scaper-style soundscape synthesis: mixes foreground event clips over background recordings as a
/// spec describes, writing audio, strong labels and a leak-free train/validate/test split in the
/// TAU scene layout or the URBAN-SED event layout.
/// Construction scans and partitions the source clips, so every folder and clip error surfaces
/// before anything is written.
/// </summary>
public sealed class SoundscapeSynthesizer
{
    private readonly SynthOptions options;
    private readonly ClipCache cache;
    private readonly SoundscapePlanner planner;
    private readonly List<string> warnings = [];

    /// <summary>Validates <paramref name="spec"/>, scans its folders and splits the source clips.</summary>
    public SoundscapeSynthesizer(SynthSpec spec, SynthOptions? options = null)
    {
        SynthSpecValidator.Validate(spec);
        Spec = spec;
        this.options = options ?? new SynthOptions();
        Library = SourceLibrary.Scan(spec, this.options.ClipExtensions);
        var load = this.options.LoadMono;
        if (load is null)
        {
            CheckClipHeaders(Library);
            load = SynthOptions.ReadMono;
        }
        cache = new ClipCache(load, spec.SampleRate, this.options.ClipCacheSamples);
        Partition = SourcePartition.Create(Library, spec.Seed, spec.TestFraction, spec.ValidateFraction);
        warnings.AddRange(Partition.Warnings);
        var choices = spec.Splits.ToDictionary(split => split, split => SceneChoices.For(spec, Partition, split, spec.CountOf(split), warnings));
        planner = new SoundscapePlanner(spec, Partition, cache, choices);
    }

    /// <summary>The spec.</summary>
    public SynthSpec Spec { get; }

    /// <summary>The source clips found.</summary>
    public SourceLibrary Library { get; }

    /// <summary>Which clips each split may use.</summary>
    public SourcePartition Partition { get; }

    /// <summary>Labels with too few clips for every split, and labels or scenes a split cannot use.</summary>
    public IReadOnlyList<string> Warnings => warnings;

    /// <summary>Reads the spec at <paramref name="specPath"/> and writes the whole set to <paramref name="outDir"/>.</summary>
    public static SynthReport Generate(string specPath, string outDir, SynthOptions? options = null) =>
        new SoundscapeSynthesizer(SynthSpecReader.Load(specPath), options).Generate(outDir);

    /// <summary>The choices of soundscape <paramref name="index"/> of <paramref name="split"/>, without mixing.</summary>
    public SoundscapePlan Plan(SynthSplit split, int index)
    {
        int count = Spec.Splits.Contains(split) ? Spec.CountOf(split) : 0;
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        return planner.Plan(split, index);
    }

    /// <summary>Renders soundscape <paramref name="index"/> of <paramref name="split"/> into stems: exactly what <see cref="Generate(string)"/> writes for it.</summary>
    public SoundscapeStems Render(SynthSplit split, int index) => SoundscapeMixer.Render(Plan(split, index), Spec, cache);

    /// <summary>
    /// Writes every soundscape and the set-level files to <paramref name="outDir"/> (layout in
    /// docs/synth.md); synth_report.json is written last. Returns the report.
    /// </summary>
    public SynthReport Generate(string outDir)
    {
        var layout = SynthOutputLayout.For(Spec.Layout);
        SynthOutputFolder.Prepare(outDir);
        var jobs = Spec.Splits.SelectMany(split => Enumerable.Range(0, Spec.CountOf(split)).Select(i => (Split: split, Index: i))).ToArray();
        var records = new SoundscapeRecord[jobs.Length];
        int done = 0;
        var progressGate = new Lock();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism ?? Environment.ProcessorCount };
        try
        {
            Parallel.For(0, jobs.Length, parallel, j =>
            {
                var stems = Render(jobs[j].Split, jobs[j].Index);
                WavWriter.Write(Path.Combine(outDir, layout.AudioFile(stems.Plan)), [stems.Mix], Spec.SampleRate, WavSampleFormat.Pcm16);
                records[j] = SoundscapeRecord.From(stems);
                layout.WriteFileAnnotation(outDir, records[j]);
                lock (progressGate) options.Progress?.Invoke(++done, jobs.Length);
            });
        }
        catch (AggregateException e)
        {
            // Callers expect the DataException naming a clip, not a wrapper around it.
            var first = e.InnerExceptions.FirstOrDefault(x => x is DataException) ?? e.InnerExceptions[0];
            ExceptionDispatchInfo.Capture(first).Throw();
            throw;
        }
        layout.WriteSetFiles(outDir, Spec, records);
        var report = SynthReportBuilder.Build(Spec, Library, Partition, warnings, records);
        AtomicFile.WriteText(Path.Combine(outDir, "synth_report.json"), report.ToJson());
        return report;
    }

    // Header checks are cheap and catch a broken clip before hours of mixing, not when the clip is first drawn.
    private static void CheckClipHeaders(SourceLibrary library)
    {
        var problems = AudioFileCheck.Check(library.All.Select(c => c.Path));
        if (problems.Count == 0) return;
        var (path, problem) = problems[0];
        throw new DataException(path, problems.Count == 1 ? problem : $"{problem} (and {problems.Count - 1} more unreadable clips)");
    }
}
