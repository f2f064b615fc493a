using CompactConv.Data.Audio;

namespace CompactConv.Tests.Data.Audio;

public class TauDeviceNameTests
{
    [Theory]
    [InlineData("airport-barcelona-0-0-a.wav", "a")]
    [InlineData("audio/street_traffic-lyon-1161-44261-s3.wav", "s3")]
    [InlineData("park-paris-10-100-c.wav", "c")]
    [InlineData("forest-test-0165.wav", null)]
    [InlineData("noname.wav", null)]
    [InlineData("trailing-.wav", null)]
    public void DeviceIdsAreRecognisedOnlyInTheirTauForm(string fileName, string? expected) =>
        Assert.Equal(expected, TauFileName.Device(fileName));
}
