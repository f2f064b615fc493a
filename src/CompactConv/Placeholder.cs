namespace CompactConv;
/// <summary>x</summary>
public static class Placeholder { }
