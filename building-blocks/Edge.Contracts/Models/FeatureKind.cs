namespace Edge.Contracts.Models;

/// <summary>How a raw feature value is encoded before it enters the model.</summary>
public enum FeatureKind
{
    /// <summary>A number used as is.</summary>
    Numeric,

    /// <summary>log(1 + x) of a non-negative count or amount.</summary>
    Log1p,

    /// <summary>1 when the named category applies, else 0.</summary>
    OneHot,

    /// <summary>1 or 0.</summary>
    Flag,

    /// <summary>A share in [0, 1].</summary>
    Fraction,
}
