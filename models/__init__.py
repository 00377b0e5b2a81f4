"""CodeSteer guide-model training (later issue)."""
