namespace CompactConv.Training;

/// <summary>
/// An impossible value in <see cref="TrainingOptions"/> (or its augmentation records), named by the
/// property a library caller set, e.g. "Augmentation.MixupAlpha must be a number not below 0, got -0.2".
/// A front end maps <see cref="Property"/> to its own name for the setting (the CLI to its flag).
/// </summary>
public sealed class InvalidOptionException : ArgumentException
{
    /// <summary>Refuses <paramref name="property"/>; <paramref name="reason"/> follows its name in the message.</summary>
    public InvalidOptionException(string property, string reason) : base($"{property} {reason}")
    {
        Property = property;
        Reason = reason;
    }

    /// <summary>The property path from the options record, e.g. <c>BatchSize</c> or <c>Augmentation.CropFrames</c>.</summary>
    public string Property { get; }

    /// <summary>What is wrong with it, e.g. "must be at least 1, got 0".</summary>
    public string Reason { get; }

    /// <summary>The same refusal with the property seen from an enclosing record (<paramref name="parent"/>.Property).</summary>
    public InvalidOptionException Within(string parent) => new($"{parent}.{Property}", Reason);
}
