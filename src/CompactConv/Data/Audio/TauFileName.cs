namespace CompactConv.Data.Audio;

/// <summary>What TAU's file names encode: scene-city-location-segment-device.wav.</summary>
internal static class TauFileName
{
    /// <summary>
    /// The device id, the last '-' token before the extension ("a" in airport-barcelona-0-0-a.wav);
    /// null when the name has no '-'. Not checked against a list, so renamed or synthesised sets
    /// in the TAU layout still load.
    /// </summary>
    public static string? Device(string fileName)
    {
        string stem = Path.GetFileNameWithoutExtension(fileName);
        int dash = stem.LastIndexOf('-');
        return dash >= 0 && dash < stem.Length - 1 ? stem[(dash + 1)..] : null;
    }
}
