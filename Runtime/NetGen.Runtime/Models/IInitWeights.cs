namespace NetGen
{
    /// <summary>
    /// Implemented by every generated model: applies its declared init rules to its own layers and passes
    /// them down to its blocks, which apply their own rules where they declare one and the inherited ones
    /// elsewhere.
    /// </summary>
    public interface IInitWeights
    {
        /// <summary>Initialises every layer under the rules of <paramref name="inherited"/> overlaid with this model's own.</summary>
        void init_weights(InitPlan inherited);
    }
}
