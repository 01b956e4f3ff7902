/** Forward models: JavaScript modules, any program over JSON Lines (Python helper), UM-Bridge. */
import { code, p, table, type GuideSection } from './types';

export const MODELS: GuideSection = {
  id: 'forward-models',
  title: 'Forward models',
  blocks: [
    p(
      'The forward model turns one parameter vector θ (in physical units, one number per parameter, in the order of the problem’s parameters) into one predicted value per observation. Choose how GMKI Studio calls it in the problem editor, and test one evaluation there to see its output, its length and its time before you spend a run on it.',
    ),
    table(
      ['type', 'what you provide', 'runs as'],
      [
        ['javascript', 'an ES module (.mjs or .js) exporting `forward(theta)`', 'one worker thread per parallel slot'],
        ['command', 'any program, any language, speaking JSON Lines', 'one long-lived process per slot'],
        ['umbridge', 'the URL of a UM-Bridge model server', 'up to `concurrency` HTTP requests at once'],
        ['builtin', 'nothing: the paper’s example models', 'inside the app'],
      ],
    ),
  ],
  children: [
    {
      id: 'model-javascript',
      title: 'A JavaScript module',
      blocks: [
        p(
          'Export `forward(theta)` returning an array with one number per observation; it may be `async`. If evaluating many points at once is cheaper, also export `forwardBatch(thetas)`: it is then used instead. Relative paths in the problem file are relative to the problem file’s folder.',
        ),
        code(
          '// y(t) = A·exp(−k·t), observed at t = 1, 2, 3, 4.\nexport function forward([amplitude, rate]) {\n  return [1, 2, 3, 4].map((t) => amplitude * Math.exp(-rate * t));\n}',
        ),
        p('Returning the wrong number of values, NaN or Infinity fails that evaluation with a message that shows θ and what came back.'),
      ],
    },
    {
      id: 'model-command',
      title: 'Any program (JSON Lines), and Python',
      blocks: [
        p('The program is started once per parallel slot and kept running. It reads one request per line on stdin and writes one answer per line on stdout:'),
        code('request: {"id": 17, "theta": [0.1, 2.5]}\nanswer:  {"id": 17, "output": [4.2, 0.3]}   or   {"id": 17, "error": "text"}'),
        p(
          'Anything it writes to stderr goes to the run’s log. Closing stdin asks it to exit. A program that crashes, answers garbage or takes longer than `timeoutSeconds` (default 600) fails that evaluation with a clear message and is restarted for the next one. In the problem file:',
        ),
        code('"model": { "type": "command", "command": ["python3", "model.py"], "cwd": ".", "timeoutSeconds": 600 }'),
        p('For Python, the app ships a helper, `gmki_model.py` in `resources/python`, and puts it on `PYTHONPATH` for you. A model is a function plus one call:'),
        code(
          'from gmki_model import serve\n\ndef forward(theta):\n    return [(theta[1] - theta[0]) ** 2]   # one number per observation\n\nif __name__ == "__main__":\n    serve(forward)',
        ),
        p(
          '`print` inside `forward` is fine: the helper sends it to stderr (the log), so it cannot break the protocol. An exception becomes that evaluation’s error, with the file and line.',
        ),
      ],
    },
    {
      id: 'model-umbridge',
      title: 'UM-Bridge: a model server anywhere',
      blocks: [
        p(
          'UM-Bridge is an HTTP protocol for models: the model runs as a server (often in a container), on this machine or on a cluster, and GMKI Studio sends it up to `concurrency` requests at once. Input and output sizes are checked before the run starts.',
        ),
        code('"model": { "type": "umbridge", "url": "http://localhost:4242", "name": "forward" }'),
        p(
          'This is how to scale out: UM-Bridge’s load balancer for SLURM or PBS clusters (through HyperQueue) starts model servers as jobs on demand, and its Kubernetes setup puts a load balancer in front of model pods; either way GMKI Studio sees one URL. Set concurrency to the number of model instances you want busy at once.',
        ),
      ],
    },
  ],
};
