print("mesh-agents")
