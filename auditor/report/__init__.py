"""report: findings and checks as console text or JSON."""
