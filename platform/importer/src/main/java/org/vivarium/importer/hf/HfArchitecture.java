package org.vivarium.importer.hf;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.VivariumException;

/** The Hugging Face causal-LM families {@code viv import hf} reads, by {@code model_type} and model class. */
public enum HfArchitecture {
    /** GPT-2: learned positions, LayerNorm, gelu_new, Conv1D weights, tied embeddings. */
    GPT2("gpt2", "GPT2LMHeadModel"),
    /** GPT-NeoX / Pythia: parallel residual, partial rotary, fused per-head qkv. */
    GPT_NEOX("gpt_neox", "GPTNeoXForCausalLM"),
    /** Llama: RMSNorm, rotary, SwiGLU, grouped-query attention. */
    LLAMA("llama", "LlamaForCausalLM"),
    /** Qwen2: Llama's blocks plus q/k/v biases. */
    QWEN2("qwen2", "Qwen2ForCausalLM");

    /** What the error lines list as supported. */
    public static final String SUPPORTED = "supported: model_type gpt2 (GPT2LMHeadModel), gpt_neox "
            + "(GPTNeoXForCausalLM), llama (LlamaForCausalLM), qwen2 (Qwen2ForCausalLM)";

    private final String modelType;
    private final String className;

    HfArchitecture(String modelType, String className) {
        this.modelType = modelType;
        this.className = className;
    }

    /** @return the {@code model_type} in config.json */
    public String modelType() {
        return modelType;
    }

    /** @return the model class named in config.json's {@code architectures} */
    public String className() {
        return className;
    }

    /**
     * Recognises a config by {@code model_type}, and checks {@code architectures} names the causal-LM class.
     *
     * @param config the parsed config.json
     * @param source its path, for messages
     * @return the family
     * @throws VivariumException naming what is unsupported and what is supported
     */
    public static HfArchitecture of(JsonObject config, String source) {
        JsonElement type = config.get("model_type");
        String modelType = type != null && type.isJsonPrimitive() ? type.getAsString() : null;
        List<String> classes = new ArrayList<>();
        JsonElement arch = config.get("architectures");
        if (arch != null && arch.isJsonArray()) {
            for (JsonElement e : (JsonArray) arch) {
                classes.add(e.getAsString());
            }
        }
        for (HfArchitecture a : values()) {
            if (a.modelType.equals(modelType)) {
                if (!classes.isEmpty() && !classes.contains(a.className)) {
                    throw new VivariumException(source + ": architectures " + classes + " is not the causal LM "
                            + a.className + " of model_type " + modelType, SUPPORTED);
                }
                return a;
            }
        }
        throw new VivariumException(source + ": unsupported model_type "
                + (modelType == null ? "(missing)" : "\"" + modelType + "\"")
                + (classes.isEmpty() ? "" : " with architectures " + classes), SUPPORTED);
    }
}
