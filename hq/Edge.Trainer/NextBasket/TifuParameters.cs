namespace Edge.Trainer.NextBasket;

/// <summary>
/// TIFU-KNN's hyper-parameters (Hu et al., SIGIR 2020, section 4): baskets are cut into groups of
/// <paramref name="GroupSize"/> (the oldest group holds the remainder), decayed by <paramref name="WithinDecay"/>
/// inside a group and by <paramref name="GroupDecay"/> across groups; the prediction blends the user's own vector
/// (weight <paramref name="Alpha"/>) with the mean of its <paramref name="Neighbours"/> nearest users' vectors (cosine).
/// <paramref name="PopularityWeight"/> adds a scaled global popularity (in [0, 1]) that fills and tie-breaks.
/// </summary>
internal sealed record TifuParameters(int GroupSize, float WithinDecay, float GroupDecay, int Neighbours, float Alpha, float PopularityWeight)
{
    public override string ToString() =>
        FormattableString.Invariant($"m={GroupSize} rb={WithinDecay} rg={GroupDecay} k={Neighbours} alpha={Alpha} beta={PopularityWeight}");
}
