namespace Edge.Contracts.Agent;

/// <summary>Who chose an offer: the ONNX offer model, or the rules fallback (model missing, failing or too slow).</summary>
public enum DecisionSource
{
    Model,
    Rules,
}
