"""Forward model of the two-modal example, in Python (Chen et al., arXiv 2406.17263, §5.2 of
gmki-algorithm.md): one observation of the squared difference of the two parameters.

gmki starts this program ("command": ["python3", "model.py"]) once per parallel slot and keeps
it running; serve() answers its requests. Print freely: print() output goes to the run's log.
"""
from gmki_model import serve


def forward(theta):
    """theta: the parameters in physical units. Returns one number per observation."""
    theta1, theta2 = theta
    return [(theta2 - theta1) ** 2]


if __name__ == "__main__":
    serve(forward)
