using System.CommandLine;
using System.Globalization;
using CompactConv.Audio.Synthesis;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv synth</c>: mixes event clips over background recordings into a labelled soundscape set.</summary>
public static class SynthCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("synth", "Synthesise soundscapes (Scaper-style) from folders of event and background clips; see docs/synth.md");
        var spec = new Option<string>("--spec") { Description = "Synthesis spec (JSON)", Required = true };
        var output = OutputPaths.Folder(new Option<string>("--out") { Description = "Output folder (new, empty, or an earlier synth output)", Required = true });
        var layout = new Option<string>("--layout") { Description = "Output layout, overriding the spec's 'layout': tau (scenes, default) or urbansed (events)" };
        layout.AcceptOnlyFromAmong([.. SynthLayoutNames.All]);
        command.Options.Add(spec);
        command.Options.Add(output);
        command.Options.Add(layout);
        CommandRunner.SetAction(command, parse =>
        {
            string outDir = parse.GetValue(output)!;
            var options = new SynthOptions
            {
                Progress = (done, total) =>
                {
                    if (done % 10 == 0 || done == total) Console.WriteLine($"synth: {done}/{total} soundscapes");
                },
            };
            var synthSpec = SynthSpecReader.Load(parse.GetValue(spec)!);
            if (parse.GetValue(layout) is { } name) synthSpec = synthSpec with { Layout = SynthLayoutNames.Parse(name)!.Value };
            var synthesizer = new SoundscapeSynthesizer(synthSpec, options);
            foreach (var warning in synthesizer.Warnings) Console.WriteLine($"warning: {warning}");
            var report = synthesizer.Generate(outDir);
            Console.WriteLine(Summary(report, outDir));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Summary(SynthReport report, string outDir) => string.Create(CultureInfo.InvariantCulture,
        $"wrote {report.Soundscapes.Values.Sum()} soundscapes ({Splits(report)}) in the {report.Layout} layout to {outDir}: " +
        $"{report.Events.Placed} events, {report.Events.Dropped} dropped, {report.Clipping.FilesScaled} turned down to avoid clipping " +
        $"(max {report.Clipping.MaxGainReductionDb:F1} dB), {report.Warnings.Count} warnings; details in synth_report.json");

    // Train, validate, test: the order the splits are made in, not the report's alphabetical one.
    private static string Splits(SynthReport report) => string.Join(", ",
        new[] { SynthSplit.Train, SynthSplit.Validate, SynthSplit.Test }.Select(s => s.Name()).Where(report.Soundscapes.ContainsKey)
            .Select(s => $"{s} {report.Soundscapes[s]}"));
}
