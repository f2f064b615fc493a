namespace CompactConv.Complexity;

/// <summary>What one call of one module costs, as decided by <see cref="LayerCostRules"/>.</summary>
/// <param name="Macs">Multiply-accumulates.</param>
/// <param name="Ops">Other element operations.</param>
/// <param name="Allocates">False when the output is a view of the input or the input itself, so it takes no new memory.</param>
/// <param name="Modelled">False when the module type is unknown to the rules.</param>
internal readonly record struct CallCost(long Macs, long Ops, bool Allocates, bool Modelled)
{
    /// <summary>A module that hands its input through (identity, dropout in evaluation, a reshape).</summary>
    public static CallCost PassThrough { get; } = new(0, 0, false, true);

    /// <summary>A module type with no cost rule.</summary>
    public static CallCost Unknown { get; } = new(0, 0, true, false);
}
