# A matchday starter team in Python, written by `matchday new team.py`. It plays every phase of
# the game plainly: a 4-4-2 that slides with the ball, one player on the ball who shoots, passes
# or dribbles, a goalkeeper that keeps to the laws, restarts and shoot-out kicks taken.
# Make it yours. Read docs/RULES.md and docs/POLICY_API.md (or `matchday spec`), test with
# `matchday validate` and `matchday scrim`. policy.pyi beside this file lists every name.
#
# The frame: you always attack toward +x; your goal line is x = -52.5, the opponent's
# x = +52.5; y runs across the pitch. Metres, m/s, ticks (10 per second).
# A policy is one file. Module-level variables live for the whole match.
# (A line-by-line port of policies/starter.js: the two play the same match.)
import math
import random

# Where each player stands when the ball is at the centre spot (index 0 is the goalkeeper).
SHAPE = [
    (-50, 0),
    (-34, -20), (-36, -7), (-36, 7), (-34, 20),  # the back four
    (-18, -22), (-20, -7), (-20, 7), (-18, 22),  # the midfield four
    (-4, -8), (-4, 8),  # two forwards
]
# A tackle faster than this is reckless (a yellow card, RULES.md section 6): tackle a little slower.
TACKLE_SPEED = 5
# Release a caught ball after this many ticks: well inside the six-second law.
HOLD_FOR = 15

info = None  # filled by setup(): the pitch and physics numbers, from MatchInfo
blocked = -1  # the player who took our last restart: it may not touch the ball again before someone else
previous_mode = ''
caught_at = -1  # the tick on which our keeper caught the ball
corner_y = 0  # where our current shoot-out kick goes, chosen once per kick
aimed_for = -1


def setup(match_info):
    """Called once before the first tick."""
    global info
    info = match_info


def dist(a, b):
    dx = a.x - b.x
    dy = a.y - b.y
    return math.sqrt(dx * dx + dy * dy)


def dist_xy(a, x, y):
    dx = a.x - x
    dy = a.y - y
    return math.sqrt(dx * dx + dy * dy)


def clamp(v, lo, hi):
    return lo if v < lo else hi if v > hi else v


def to_segment(p, ax, ay, bx, by):
    """Distance from p to the segment a-b: is an opponent standing in a passing lane?"""
    dx = bx - ax
    dy = by - ay
    t = clamp(((p.x - ax) * dx + (p.y - ay) * dy) / (dx * dx + dy * dy or 1), 0, 1)
    return dist_xy(p, ax + t * dx, ay + t * dy)


def space(obs, x, y):
    """Metres from (x, y) to the nearest opponent still on the pitch."""
    d = math.inf
    for o in obs.opponents:
        if not o.sentOff:
            d = min(d, dist_xy(o, x, y))
    return d


def pass_power(obs, d):
    """Kick power for a ground pass over d metres that arrives at about 4 m/s (v0^2 = 4^2 + 2 * 1.6 * d)."""
    return clamp(math.sqrt(16 + 3.2 * d) / obs.info.physics.maxKickSpeed, 0.15, 1)


def best_pass(obs, frm):
    """The best free team-mate ahead of the ball, as (target x, target y, distance), or None."""
    b = obs.ball
    best = None
    best_score = -math.inf
    for m in obs.own:
        if m.index == frm or m.sentOff or m.isGoalkeeper:
            continue
        tx = m.x + 1.5  # a little ahead of the receiver
        ty = m.y
        d = dist_xy(b, tx, ty)
        if d < 7 or d > 35 or tx < b.x - 10:
            continue
        lane = math.inf
        for o in obs.opponents:
            if not o.sentOff:
                lane = min(lane, to_segment(o, b.x, b.y, tx, ty))
        if lane < 2 or space(obs, tx, ty) < 4:
            continue
        score = tx - b.x + min(lane, 6) - 0.1 * d
        if score > best_score:
            best_score = score
            best = (tx, ty, d)
    return best


def on_the_ball(obs, me, restart):
    """The kick of the player on the ball: shoot, pass, dribble or clear. From a restart it never dribbles."""
    b = obs.ball
    goal_x = obs.info.pitch.length / 2
    post = obs.info.pitch.goalWidth / 2
    if goal_x - b.x < 25 and abs(b.y) < 15:
        # Shoot inside the post further from their keeper, low and hard.
        keeper_y = obs.opponents[0].y
        return {'target': {'x': goal_x + 1, 'y': -(post - 0.8) if keeper_y > 0 else post - 0.8}, 'power': 0.9, 'lift': 0.05}
    # A restart deep in our half (a goal kick, a free kick near our box): send it long to a wing.
    if restart and b.x < -25:
        return {'target': {'x': b.x + 45, 'y': 22 if b.y >= 0 else -22}, 'power': 0.85, 'lift': 0.5}
    p = best_pass(obs, me)
    ax = b.x + 4
    ay = b.y * 0.95
    if not restart and space(obs, b.x, b.y) > 5 and space(obs, ax, ay) > 5 and (p is None or p[0] < b.x + 12):
        return {'target': {'x': ax, 'y': ay}, 'power': 0.18}  # a dribbling touch: the ball rolls a few metres ahead
    if p is not None:
        return {'target': {'x': p[0], 'y': p[1]}, 'power': pass_power(obs, p[2])}
    return {'target': {'x': b.x + 30, 'y': 20 if b.y >= 0 else -20}, 'power': 0.8, 'lift': 0.4}  # nothing on: clear it high


def ball_in_own_box(obs):
    """True when the ball lies inside our own penalty area, with a small margin."""
    p = obs.info.pitch
    return obs.ball.x <= -p.length / 2 + p.penaltyAreaDepth - 0.3 and abs(obs.ball.y) <= p.penaltyAreaWidth / 2 - 0.3


def keeper(obs):
    """The goalkeeper (index 0)."""
    global caught_at
    me = obs.own[0]
    b = obs.ball
    goal_x = -obs.info.pitch.length / 2
    if me.sentOff:
        return {}
    if me.holdingBall:
        if caught_at < 0:
            caught_at = obs.tick
        if obs.tick - caught_at < HOLD_FOR:
            return {}  # let the team spread out first
        p = best_pass(obs, 0)
        # A throw (lift 0) to a free team-mate, or a punt upfield.
        if p is not None and p[2] < 30:
            kick = {'target': {'x': p[0], 'y': p[1]}, 'power': pass_power(obs, p[2]), 'lift': 0}
        else:
            kick = {'target': {'x': 10, 'y': 22 if b.y >= 0 else -22}, 'power': 0.9, 'lift': 0.6}
        return {'kick': kick}
    caught_at = -1
    # Stand 1.5 m off the line, between the ball and the middle of the goal.
    cmd = {'moveTo': {'x': goal_x + 1.5, 'y': clamp(b.y * 0.15, -2.5, 2.5)}}
    if obs.mode != 'play':
        return cmd
    if ball_in_own_box(obs) and dist(me, b) < 12:
        cmd['moveTo'] = {'x': b.x + b.vx * 0.1, 'y': b.y + b.vy * 0.1}
        cmd['sprint'] = True
    # Hands only inside our own area, and never for a ball a team-mate kicked to us (back-pass).
    t = obs.lastTouch
    back_pass = t is not None and t.team == 'own' and t.index != 0
    if ball_in_own_box(obs) and not back_pass:
        cmd['catch'] = True
    else:
        cmd['kick'] = {'target': {'x': b.x + 30, 'y': 25 if b.y >= 0 else -25}, 'power': 0.9, 'lift': 0.5}  # feet: clear it
    return cmd


def shootout(obs):
    """A penalty shoot-out kick: only our kicker or our keeper acts."""
    global aimed_for, corner_y
    so = obs.shootout
    goal_x = obs.info.pitch.length / 2
    b = obs.ball
    if so.kicking == 'own':
        # The referee names the kicker. Pick a corner at random (random is seeded: fair and replayable).
        if aimed_for != so.ownKicks:
            aimed_for = so.ownKicks
            corner_y = (-1 if random.random() < 0.5 else 1) * (obs.info.pitch.goalWidth / 2 - 0.9)
        cmds = [None] * (so.kickerIndex + 1)
        cmds[so.kickerIndex] = {'moveTo': {'x': b.x, 'y': b.y}, 'kick': {'target': {'x': goal_x + 1, 'y': corner_y}, 'power': 0.8, 'lift': 0.03}}
        return cmds
    # Our keeper may only move along its line until the kick: follow the ball's path, then catch.
    t = (-goal_x - b.x) / b.vx if b.vx < -1 else 0
    return [{'moveTo': {'x': -goal_x + 0.3, 'y': clamp(b.y + b.vy * t, -3.5, 3.5)}, 'sprint': True, 'catch': True}]


def tick(obs):
    """Called every tick: one command per player, by index."""
    global info, blocked, previous_mode
    if info is None:
        info = obs.info
    if obs.shootout is not None:
        return shootout(obs)
    b = obs.ball
    r = obs.restart
    t = obs.lastTouch
    # The restart taker may not touch the ball again until another player has.
    if previous_mode != 'play' and previous_mode != 'stopped' and obs.mode == 'play' and t is not None and t.team == 'own':
        blocked = t.index
    elif t is None or t.team != 'own' or t.index != blocked:
        blocked = -1
    previous_mode = obs.mode

    ours = r is not None and r.team == 'own'
    theirs = r is not None and r.team == 'opponent'
    attacking = ours or (t is not None and t.team == 'own')
    # The player on the ball: our outfield player nearest to it (the ball's spot at a restart).
    chaser = -1
    for p in obs.own:
        if p.isGoalkeeper or p.sentOff or p.index == blocked:
            continue
        if chaser < 0 or dist(p, b) < dist(obs.own[chaser], b):
            chaser = p.index
    # At our goal kick the keeper takes it (the ball lies in its area).
    if ours and r.kind == 'goal_kick':
        chaser = 0

    cmds = []
    for p in obs.own:
        if p.sentOff:
            cmds.append(None)
        elif p.index == chaser and not theirs and obs.mode != 'stopped':
            cmd = {'moveTo': {'x': b.x - 0.3, 'y': b.y}, 'sprint': dist(p, b) > 4}
            # At our restart, give the others a moment to take their places (not at kick-off).
            ready = not ours or r.kind == 'kickoff' or r.ticksLeft < 85
            if ready:
                cmd['kick'] = on_the_ball(obs, p.index, ours)
            # Their ball: tackle when close, from the goal side, not recklessly fast.
            they_have_it = t is not None and t.team == 'opponent'
            if obs.mode == 'play' and they_have_it and dist(p, b) < 1.4 and p.x < b.x:
                cmd['tackle'] = True
                cmd['speed'] = TACKLE_SPEED
                cmd['sprint'] = False
            cmds.append(cmd)
        elif p.isGoalkeeper:
            cmds.append(keeper(obs))
        else:
            # Everyone else: the shape, slid toward the ball and pushed up when we have it.
            sx, sy = SHAPE[p.index]
            up = 12 if attacking else 0
            cmds.append({'moveTo': {'x': clamp(sx + up + b.x * 0.5, -47, 45), 'y': clamp(sy + b.y * 0.3, -32, 32)}})
    return cmds
