# builtin:chaser in Python — every player runs at the ball and kicks it toward the goal. For
# tests: a faithful port of policies/chaser.js, so the two must play the same match.


def tick(obs):
    goal = {'x': obs.info.pitch.length / 2, 'y': 0}
    return [{'moveTo': {'x': obs.ball.x, 'y': obs.ball.y}, 'sprint': True, 'kick': {'target': goal, 'power': 0.7}} for p in obs.own]
