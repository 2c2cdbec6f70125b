# The matchday policy interface for Python, 1:1 with engine/policy.d.ts (same names, same
# meanings, same frame). `matchday new team.py` writes this file beside the starter, for editors;
# it imports nothing, and every name below is what the sandbox really hands to a policy.
#
# Frame: you always attack toward +x; your goal line is x = -52.5, the opponent's x = +52.5;
# y runs across the pitch. Metres, m/s, ticks (10 per second).
#
# A policy module defines:
#     def setup(info: MatchInfo) -> None          (optional, once before the first tick)
#     def tick(obs: Observation) -> list[PlayerCommand | None]
# Module-level variables live for the whole match. print() and `debug` (a global) feed the
# debug channel shown by `matchday validate` and the viewer.
#
# Observation views are named tuples: read-only, attribute access (obs.ball.x, obs.own[3].vx).
# Counts (tick, minute, score, indices, cards, ticksLeft) are ints; positions and speeds floats.

class Vec2:
    x: float
    y: float

class PlayerView:
    x: float
    y: float
    vx: float
    vy: float
    stamina: float
    yellowCards: int
    sentOff: bool
    holdingBall: bool
    index: int
    number: int
    isGoalkeeper: bool

class BallView:
    x: float
    y: float
    z: float
    vx: float
    vy: float
    vz: float

class RestartView:
    # 'kickoff' 'throw_in' 'corner' 'goal_kick' 'free_kick' 'indirect_free_kick' 'penalty' 'dropped_ball'
    kind: str
    team: str  # 'own' or 'opponent'
    spot: Vec2
    minDistance: float
    ticksLeft: int

class ScoreView:
    own: int
    opponent: int

class TouchView:
    team: str  # 'own' or 'opponent'
    index: int

class ShootoutView:
    own: int
    opponent: int
    ownKicks: int
    opponentKicks: int
    kicking: str  # 'own' or 'opponent'
    kickerIndex: int

class PitchInfo:
    length: float
    width: float
    goalWidth: float
    goalHeight: float
    penaltyAreaDepth: float
    penaltyAreaWidth: float
    goalAreaDepth: float
    goalAreaWidth: float
    penaltySpotDistance: float
    centreCircleRadius: float

class PhysicsInfo:
    playerRadius: float
    ballRadius: float
    kickReach: float
    kickMaxHeight: float
    catchReach: float
    catchMaxHeight: float
    tackleReach: float
    runSpeed: float
    sprintSpeed: float
    acceleration: float
    maxKickSpeed: float
    gravity: float

class MatchInfo:
    side: str  # 'home' or 'away'
    teamName: str
    opponentName: str
    seed: int
    ticksPerSecond: int
    halfTicks: int
    extraTime: bool
    extraTimeTicks: int
    shootout: bool
    pitch: PitchInfo
    physics: PhysicsInfo

class Observation:
    tick: int
    period: str  # 'first_half' 'second_half' 'extra_first' 'extra_second' 'shootout' 'finished'
    periodTick: int
    periodTicks: int
    minute: int
    # 'play' 'kickoff' 'throw_in' 'corner' 'goal_kick' 'free_kick' 'indirect_free_kick' 'penalty' 'dropped_ball' 'stopped'
    mode: str
    restart: RestartView | None
    score: ScoreView
    ball: BallView
    lastTouch: TouchView | None
    own: list[PlayerView]
    opponents: list[PlayerView]
    shootout: ShootoutView | None
    info: MatchInfo

# A command is a dict, one per player by index (None: no command), with these optional keys:
#   'moveTo': a point   'speed': float (m/s)   'sprint': bool
#   'kick': {'target': a point, 'power': 0..1, 'lift': 0..1 (optional)}
#   'tackle': bool      'catch': bool
# A point is {'x': float, 'y': float}, an (x, y) pair, or a view with x and y (obs.ball, a player).
PlayerCommand = dict[str, object]

class Debug:
    def dot(self, x: float, y: float, color: str = 'white') -> None: ...
    def line(self, x1: float, y1: float, x2: float, y2: float, color: str = 'white') -> None: ...
    def text(self, x: float, y: float, text: str, color: str = 'white') -> None: ...

debug: Debug
