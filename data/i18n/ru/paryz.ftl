# The Paryz contest: nominations, the jury's decisions and the winners.
