// Classifies WAV or OGG files with a scene model written by `compactconv export`, using only the
// TorchSharp-free runtime package: the file's metadata gives the log-mel front end and the classes.
// Usage: ClassifyWav MODEL.onnx FILE.wav [FILE.wav ...]
using CompactConv.Runtime;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ClassifyWav MODEL.onnx FILE.wav [FILE.wav ...]");
    return 2;
}

try
{
    using var scenes = SceneClassifier.Open(args[0]);
    foreach (string file in args.Skip(1))
    {
        Classification answer = scenes.ClassifyFile(file);
        string probabilities = string.Join(" ", answer.ClassNames.Select((name, c) => $"{name}={answer.Probabilities[c]:F4}"));
        Console.WriteLine($"{Path.GetFileName(file)}: {answer.Label} ({probabilities})");
    }
    return 0;
}
catch (CompactConv.DataException e)
{
    // The file's problem in one line (a model without CompactConv's metadata, audio that cannot be decoded...).
    Console.Error.WriteLine(e.Message);
    return 1;
}
