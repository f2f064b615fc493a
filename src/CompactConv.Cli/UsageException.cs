namespace CompactConv.Cli;

/// <summary>An impossible or contradictory option; exits with code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
