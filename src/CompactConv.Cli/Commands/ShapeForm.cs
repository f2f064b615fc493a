using System.Globalization;

namespace CompactConv.Cli.Commands;

/// <summary>A shape an option takes: its name in messages, what it is made of, an example, and how many sizes it may have.</summary>
/// <param name="Name">How usage text writes it, e.g. <c>CxHxW</c>.</param>
/// <param name="Parts">What it consists of, in words.</param>
/// <param name="Example">A valid value.</param>
/// <param name="Lengths">The numbers of sizes allowed.</param>
public sealed record ShapeForm(string Name, string Parts, string Example, int[] Lengths)
{
    /// <summary>Channels x height x width of one input, e.g. 1x28x28.</summary>
    public static ShapeForm ChannelsHeightWidth { get; } = new("CxHxW", "three positive integers separated by x", "1x28x28", [3]);

    /// <summary>Height x width, e.g. 32x64.</summary>
    public static ShapeForm HeightWidth { get; } = new("HxW", "two positive integers separated by x", "32x64", [2]);

    /// <summary>A square side or height x width, e.g. 32 or 32x64.</summary>
    public static ShapeForm SideOrHeightWidth { get; } = new("N or HxW", "one or two positive integers separated by x", "32 or 24x32", [1, 2]);

    /// <summary>
    /// The sizes in <paramref name="text"/>; anything else (a size that is not a positive integer, or
    /// the wrong number of sizes) is a usage error naming <paramref name="option"/> and saying what is expected.
    /// </summary>
    public int[] Parse(string option, string text)
    {
        var parts = text.Split('x', 'X');
        var shape = new int[parts.Length];
        bool valid = Lengths.Contains(parts.Length);
        for (int i = 0; valid && i < parts.Length; i++)
            valid = int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out shape[i]) && shape[i] >= 1;
        return valid ? shape : throw new UsageException($"{option}: '{text}' is not {Name} ({Parts}, e.g. {Example})");
    }
}
