"""Trained model files shipped with wirecoder (rebuilt by scripts/)."""
