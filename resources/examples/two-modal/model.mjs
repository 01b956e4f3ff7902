// Forward model of the two-modal example (Chen et al., arXiv 2406.17263, §5.2 of our
// gmki-algorithm.md): one observation of the squared difference of the two parameters.
// gmki calls forward(theta) with theta in physical units and expects an array with one number
// per observation. It may also be async (return a Promise), e.g. to call another program.
export function forward(theta) {
  const [theta1, theta2] = theta;
  return [(theta2 - theta1) ** 2];
}
