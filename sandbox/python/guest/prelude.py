# The Python half of the sandbox runtime, run in __main__ before the policy: builds the
# observation objects from the numbers the host writes into _md_in, loads the policy, calls
# setup/tick and hands back what tick returned as JSON (MicroPython's float repr round-trips
# exactly, so commands keep every bit).
# Everything here runs on the team's own fuel and in its own interpreter: the host checks
# whatever comes back, so a policy that tampers with this file only hurts itself.
import array
import builtins
import io
import json
import sys
from collections import namedtuple

_MD_IN = 512
_md_in = array.array('d', bytes(8 * _MD_IN))

_md_allowed = set('abc array builtins cmath collections copy functools gc heapq io itertools json '
                  'math micropython operator random re string struct sys time types'.split())
# The u-names are what the allowed modules import themselves (time imports utime).
_md_allowed |= set('u' + m for m in _md_allowed)
_md_import0 = builtins.__import__


def _md_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0 and name.split('.')[0] not in _md_allowed:
        raise ImportError("module '%s' is not available to a policy (matchday allows: %s)" % (name, ', '.join(sorted(_md_allowed))))
    return _md_import0(name, globals, locals, fromlist, level)

# builtins.__import__ = _md_import is set by the host once it has looked up what it calls here.


class View:
    """MatchInfo and its parts: plain records with attribute access like the JavaScript objects."""

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join('%s=%r' % kv for kv in sorted(self.__dict__.items())))


class MatchInfo(View):
    pass


# The per-tick views are named tuples: cheap to build (a tick builds 30 of them), read-only like
# the frozen JavaScript objects, with the same field names as engine/policy.d.ts.
Vec2 = namedtuple('Vec2', 'x y')
Player = namedtuple('Player', 'x y vx vy stamina yellowCards sentOff holdingBall index number isGoalkeeper')
Ball = namedtuple('Ball', 'x y z vx vy vz')
Score = namedtuple('Score', 'own opponent')
Restart = namedtuple('Restart', 'kind team spot minDistance ticksLeft')
Touch = namedtuple('Touch', 'team index')
Shootout = namedtuple('Shootout', 'own opponent ownKicks opponentKicks kicking kickerIndex')
Observation = namedtuple('Observation', 'tick period periodTick periodTicks minute mode restart score ball lastTouch own opponents shootout info')
_MD_FIELDS = {
    Vec2: ('x', 'y'),
    Player: ('x', 'y', 'vx', 'vy', 'stamina', 'yellowCards', 'sentOff', 'holdingBall', 'index', 'number', 'isGoalkeeper'),
    Ball: ('x', 'y', 'z', 'vx', 'vy', 'vz'),
    Score: ('own', 'opponent'),
    Restart: ('kind', 'team', 'spot', 'minDistance', 'ticksLeft'),
    Touch: ('team', 'index'),
    Shootout: ('own', 'opponent', 'ownKicks', 'opponentKicks', 'kicking', 'kickerIndex'),
}


class _Debug:
    """debug.dot / line / text: marks drawn by the viewer for this tick (bounded)."""

    def dot(self, x, y, color='white'):
        _md_mark((0, x, y, color))

    def line(self, x1, y1, x2, y2, color='white'):
        _md_mark((1, x1, y1, x2, y2, color))

    def text(self, x, y, text, color='white'):
        _md_mark((2, x, y, str(text)[:80], color))


debug = _Debug()
_md_marks = []
_md_dropped = 0
_md_max_marks = 64
_md_modes = []
_md_periods = []
_md_info = None
_md_tick_fn = None
_md_setup_fn = None


def _md_mark(m):
    global _md_dropped
    if len(_md_marks) < _md_max_marks:
        _md_marks.append(m)
    else:
        _md_dropped += 1


_md_err = ''


def _md_error(e):
    """The exception as 'E<type>\\x04<traceback>', also kept in _md_err: once the budget is spent the
    interrupt fires again at the handler's end, and the host reads the first error from there."""
    global _md_err
    buf = io.StringIO()
    sys.print_exception(e, buf)
    _md_err = 'E' + type(e).__name__ + '\x04' + buf.getvalue()
    return _md_err


def _md_take_err():
    global _md_err
    e = _md_err
    _md_err = ''
    return e or 'K'


def _md_configure(modes, periods, names, kinds, strings, max_marks):
    """Builds MatchInfo from the host's field list: names 'a.b', kinds n/b/s, numbers from _md_in."""
    global _md_modes, _md_periods, _md_info, _md_max_marks
    _md_modes = modes.split(',')
    _md_periods = periods.split(',')
    _md_max_marks = max_marks
    info = MatchInfo()
    texts = strings.split('\x00')
    si = 0
    names = names.split(',')
    for i in range(len(names)):
        k = kinds[i]
        if k == 's':
            v = texts[si]
            si += 1
        elif k == 'b':
            v = _md_in[i] != 0
        else:
            v = _md_in[i]
            if v == int(v) and k == 'i':
                v = int(v)
        path = names[i].split('.')
        o = info
        for p in path[:-1]:
            if not hasattr(o, p):
                setattr(o, p, View())
            o = getattr(o, p)
        setattr(o, path[-1], v)
    _md_info = info
    return 'K'


def _md_load(src, filename):
    global _md_tick_fn, _md_setup_fn
    g = {'__name__': 'policy', 'debug': debug}
    try:
        exec(compile(src, filename, 'exec'), g)
    except BaseException as e:
        return _md_error(e)
    t = g.get('tick')
    if not callable(t):
        return 'Nthe policy defines no tick function (def tick(obs): ...)'
    _md_tick_fn = t
    s = g.get('setup')
    _md_setup_fn = s if callable(s) else None
    return 'K'


def _md_setup():
    global _md_marks, _md_dropped
    _md_marks = []
    _md_dropped = 0
    if _md_setup_fn is not None:
        try:
            _md_setup_fn(_md_info)
        except BaseException as e:
            return _md_error(e)
    return 'K'


def _md_players(f, base):
    out = []
    for k in range(11):
        o = 28 + (base + k) * 8
        out.append(Player(f[o], f[o + 1], f[o + 2], f[o + 3], f[o + 4], int(f[o + 5]), f[o + 6] == 1, f[o + 7] == 1, k, k + 1, k == 0))
    return out


def _md_decode(f):
    """A port of engine/observation.ts decodeObservation (same offsets, same names)."""
    mi = int(f[5])
    mode = _md_modes[mi] if 0 <= mi < len(_md_modes) else 'stopped'
    pi = int(f[1])
    ro = f[6]
    if ro < 0 or mode == 'play' or mode == 'stopped':
        restart = None
    else:
        restart = Restart(mode, 'own' if ro == 1 else 'opponent', Vec2(f[7], f[8]), f[9], int(f[10]))
    touch = None if f[19] < 0 else Touch('own' if f[19] == 0 else 'opponent', int(f[20]))
    so = None
    if f[21] == 1:
        so = Shootout(int(f[22]), int(f[23]), int(f[24]), int(f[25]), 'own' if f[26] == 0 else 'opponent', int(f[27]))
    # Counts are ints, as a Python author expects (tick % 10, list indices); positions stay floats.
    return Observation(
        int(f[0]), _md_periods[pi] if 0 <= pi < len(_md_periods) else 'finished', int(f[2]), int(f[3]), int(f[4]), mode, restart,
        Score(int(f[11]), int(f[12])), Ball(f[13], f[14], f[15], f[16], f[17], f[18]), touch,
        _md_players(f, 0), _md_players(f, 11), so, _md_info)


_md_last = None


def _md_plain(v, depth):
    """v as JSON-ready data: views become dicts, non-finite floats None, anything else its type's name."""
    tv = type(v)
    if v is None or tv is bool or tv is int or tv is str:
        return v
    if tv is float:
        return v if v - v == 0 else None
    if depth > 5:
        return '<nested too deep>'
    f = _MD_FIELDS.get(tv)
    if f is not None:
        d = {}
        for i in range(len(f)):
            d[f[i]] = _md_plain(v[i], depth + 1)
        return d
    if tv is list or tv is tuple:
        return [_md_plain(x, depth + 1) for x in v[:16]]
    d = v if tv is dict else getattr(v, '__dict__', None)
    if type(d) is dict:
        out = {}
        n = 0
        for k in d:
            if n >= 16:
                break
            if type(k) is str:
                out[k] = _md_plain(d[k], depth + 1)
                n += 1
        return out
    return '<%s>' % tv.__name__


def _md_reply(res):
    """[first 16 commands, marks, marks dropped, length] as JSON: exact doubles, C speed."""
    global _md_marks, _md_dropped, _md_last
    n = len(res) if type(res) is list or type(res) is tuple else -1
    _md_last = [res[:16] if n > 16 else res, _md_marks, _md_dropped, n]
    _md_marks = []
    _md_dropped = 0
    return 'K' + json.dumps(_md_last)


def _md_tick():
    try:
        return _md_reply(_md_tick_fn(_md_decode(_md_in)))
    except BaseException as e:
        return _md_error(e)


def _md_drain():
    """Takes the interrupt a spent budget left pending, so it cannot fire in the next call."""
    for _ in range(3):
        try:
            for _ in range(2):
                pass
            return 'K'
        except KeyboardInterrupt:
            pass
    return 'K'


def _md_replain():
    """The slow way, when the fast reply was not plain JSON (a view, an object, nan)."""
    try:
        return 'K' + json.dumps(_md_plain(_md_last, 0))
    except BaseException as e:
        return _md_error(e)
