"""Writes mlp.onnx: a tiny valid ONNX model that is not a BERT encoder (a 4-8-2 ReLU MLP, fixed weights),
for ImportOnnxCommandTest. Regenerate with Debian's python3-onnx (1.12):

    /usr/bin/python3 make_mlp_onnx.py        # in this directory
"""
import numpy as np
from onnx import TensorProto, checker, helper, numpy_helper, save

rng = np.random.default_rng(7)
inits = [
    numpy_helper.from_array(rng.standard_normal((4, 8)).astype(np.float32), "fc1.weight"),
    numpy_helper.from_array(np.zeros(8, np.float32), "fc1.bias"),
    numpy_helper.from_array(rng.standard_normal((8, 2)).astype(np.float32), "fc2.weight"),
    numpy_helper.from_array(np.zeros(2, np.float32), "fc2.bias"),
]
nodes = [
    helper.make_node("MatMul", ["x", "fc1.weight"], ["h0"]),
    helper.make_node("Add", ["h0", "fc1.bias"], ["h1"]),
    helper.make_node("Relu", ["h1"], ["h2"]),
    helper.make_node("MatMul", ["h2", "fc2.weight"], ["y0"]),
    helper.make_node("Add", ["y0", "fc2.bias"], ["y"]),
]
graph = helper.make_graph(nodes, "mlp", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 2])], inits)
model = helper.make_model(graph, producer_name="vivarium-test", opset_imports=[helper.make_opsetid("", 13)])
model.ir_version = 8
checker.check_model(model)
save(model, "mlp.onnx")
