namespace CompactConv.Metrics.Sed;

/// <summary>
/// The parameters of the Polyphonic Sound Detection Score (Bilen et al. 2020, psds_eval): the three
/// intersection criteria that decide what a detection is, and the weights and range of the PSD-ROC.
/// The defaults are psds_eval's own (dtc 0.5, gtc 0.5, cttc 0.3, alpha_ct 0, alpha_st 0), with the
/// DCASE maximum of 100 false positives per hour.
/// </summary>
public sealed record PsdsParameters
{
    /// <summary>DCASE scenario 1 (reacting fast to an event, localisation matters): dtc 0.7, gtc 0.7, alpha_ct 0 (so cttc 0.3 is unused), alpha_st 1, max_efpr 100.</summary>
    public static PsdsParameters Scenario1 { get; } = new() { Dtc = 0.7, Gtc = 0.7, Cttc = 0.3, AlphaCt = 0, AlphaSt = 1, MaxEfpr = 100 };

    /// <summary>DCASE scenario 2 (avoiding confusion between classes): dtc 0.1, gtc 0.1, cttc 0.3, alpha_ct 0.5, alpha_st 1, max_efpr 100.</summary>
    public static PsdsParameters Scenario2 { get; } = new() { Dtc = 0.1, Gtc = 0.1, Cttc = 0.3, AlphaCt = 0.5, AlphaSt = 1, MaxEfpr = 100 };

    /// <summary>Detection tolerance criterion: a detection counts as correct when at least this fraction of it lies on reference events of its class.</summary>
    public double Dtc { get; init; } = 0.5;

    /// <summary>Ground truth intersection criterion: a reference event is detected when correct detections of its class cover at least this fraction of it.</summary>
    public double Gtc { get; init; } = 0.5;

    /// <summary>Cross-trigger tolerance criterion: an incorrect detection is a cross-trigger on another class when at least this fraction of it lies on that class's reference events.</summary>
    public double Cttc { get; init; } = 0.3;

    /// <summary>Weight of the mean cross-trigger rate in the effective false positive rate, in [0, 1].</summary>
    public double AlphaCt { get; init; }

    /// <summary>Weight of the standard deviation of the true positive rate across classes, subtracted from their mean; at least 0.</summary>
    public double AlphaSt { get; init; }

    /// <summary>The effective false positive rate (per hour) up to which the area under the PSD-ROC is taken, and by which it is divided.</summary>
    public double MaxEfpr { get; init; } = 100;

    /// <summary>Throws when a value is impossible.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A criterion or alpha_ct outside [0, 1], a negative alpha_st, or a max_efpr that is not positive.</exception>
    public void Validate()
    {
        Fraction(Dtc, nameof(Dtc), "dtc");
        Fraction(Gtc, nameof(Gtc), "gtc");
        Fraction(Cttc, nameof(Cttc), "cttc");
        Fraction(AlphaCt, nameof(AlphaCt), "alpha_ct");
        if (!(AlphaSt >= 0) || !double.IsFinite(AlphaSt))
            throw new ArgumentOutOfRangeException(nameof(AlphaSt), AlphaSt, "alpha_st must be zero or positive");
        if (!(MaxEfpr > 0) || !double.IsFinite(MaxEfpr))
            throw new ArgumentOutOfRangeException(nameof(MaxEfpr), MaxEfpr, "max_efpr must be a positive number of false positives per hour");
    }

    private static void Fraction(double value, string parameter, string name)
    {
        if (!(value >= 0 && value <= 1))
            throw new ArgumentOutOfRangeException(parameter, value, $"{name} must be between 0 and 1");
    }
}
