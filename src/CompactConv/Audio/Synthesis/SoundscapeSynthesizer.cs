using System.Runtime.ExceptionServices;
using CompactConv.IO;

namespace CompactConv.Audio.Synthesis;

/// <summary>
/// Scaper-style soundscape synthesis: mixes foreground event clips over background recordings as a
/// spec describes, writing audio, strong labels, a TAU-style scene set and a leak-free split.
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
        Partition = SourcePartition.Create(Library, spec.Seed, spec.TestFraction);
        warnings.AddRange(Partition.Warnings);
        var train = SceneChoices.For(spec, Partition, SynthSplit.Train, spec.TrainCount, warnings);
        var test = SceneChoices.For(spec, Partition, SynthSplit.Test, spec.TestCount, warnings);
        planner = new SoundscapePlanner(spec, Partition, cache, train, test);
    }

    /// <summary>The spec.</summary>
    public SynthSpec Spec { get; }

    /// <summary>The source clips found.</summary>
    public SourceLibrary Library { get; }

    /// <summary>Which clips each split may use.</summary>
    public SourcePartition Partition { get; }

    /// <summary>Single-clip labels kept in train, and labels or scenes a split cannot use.</summary>
    public IReadOnlyList<string> Warnings => warnings;

    /// <summary>Reads the spec at <paramref name="specPath"/> and writes the whole set to <paramref name="outDir"/>.</summary>
    public static SynthReport Generate(string specPath, string outDir, SynthOptions? options = null) =>
        new SoundscapeSynthesizer(SynthSpecReader.Load(specPath), options).Generate(outDir);

    /// <summary>The choices of soundscape <paramref name="index"/> of <paramref name="split"/>, without mixing.</summary>
    public SoundscapePlan Plan(SynthSplit split, int index)
    {
        int count = split == SynthSplit.Train ? Spec.TrainCount : Spec.TestCount;
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
        SynthOutputFolder.Prepare(outDir);
        var jobs = Enumerable.Range(0, Spec.TrainCount).Select(i => (Split: SynthSplit.Train, Index: i))
            .Concat(Enumerable.Range(0, Spec.TestCount).Select(i => (Split: SynthSplit.Test, Index: i)))
            .ToArray();
        var records = new SoundscapeRecord[jobs.Length];
        int done = 0;
        var progressGate = new Lock();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism ?? Environment.ProcessorCount };
        try
        {
            Parallel.For(0, jobs.Length, parallel, j =>
            {
                var stems = Render(jobs[j].Split, jobs[j].Index);
                WavWriter.Write(Path.Combine(outDir, "audio", stems.Plan.Name + ".wav"), [stems.Mix], Spec.SampleRate, WavSampleFormat.Pcm16);
                records[j] = SoundscapeRecord.From(stems);
                SynthOutputWriter.WriteFileAnnotation(outDir, records[j]);
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
        SynthOutputWriter.WriteSetFiles(outDir, Spec, records);
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
