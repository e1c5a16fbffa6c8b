package io.ta.runtime.plan;

/**
 * One output of a plan node: what an operand or a root refers to.
 *
 * @param node the node
 * @param output the output index (0 for single-output nodes)
 */
public record Ref(Node node, int output) {
    public ValueType type() {
        return node.type(output);
    }

    /** The first index at which this value is valid for NaN-free input. */
    public int lookback() {
        return node.lookback(output);
    }

    @Override
    public String toString() {
        return node.outputs() > 1 ? "n" + node.id() + "." + node.outputName(output) : "n" + node.id();
    }
}
