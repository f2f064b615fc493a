using System.Text.RegularExpressions;

namespace CompactConv.Data.Audio;

/// <summary>What TAU's file names encode: scene-city-location-segment-device.wav.</summary>
internal static partial class TauFileName
{
    /// <summary>
    /// The device id, the last '-' token before the extension ("a" in airport-barcelona-0-0-a.wav),
    /// when it looks like one of TAU's device ids (a letter, or a letter and digits such as s1);
    /// null otherwise, so sets merely laid out like TAU (e.g. synthesised ones ending in a clip
    /// number) do not report a "device" per file.
    /// </summary>
    public static string? Device(string fileName)
    {
        string stem = Path.GetFileNameWithoutExtension(fileName);
        int dash = stem.LastIndexOf('-');
        if (dash < 0 || dash == stem.Length - 1) return null;
        string token = stem[(dash + 1)..];
        return DeviceId().IsMatch(token) ? token : null;
    }

    [GeneratedRegex("^[a-z][0-9]{0,2}$")]
    private static partial Regex DeviceId();
}
