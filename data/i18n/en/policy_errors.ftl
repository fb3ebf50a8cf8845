# Why a policy file (a draft uploaded for the reform simulation) is refused: each reason follows
# the key path of the bad value ("parameters.mci.values[2].from: …"). Codes and arguments come
# from the core's policy checks (PolicyError).

## The file as a whole
policy-not-utf8 = the file is not UTF-8 text: the first unreadable byte is on line { $line }
policy-syntax = the file is not valid TOML: the fault is at line { $line }, column { $column }
policy-syntax-somewhere = the file is not valid TOML

## Values not of the file's shape
policy-field-missing = the field “{ $field }” is missing here
policy-field-unknown = there is no field “{ $field }” here; the fields are: { $allowed }
policy-field-none = there is no field “{ $field }” here: this value has no fields
policy-name-unknown = “{ $value }” is not allowed here; the values allowed are: { $allowed }
policy-type = { $expected } is expected here, but { $found } is written
policy-type-other = the value here is of another kind: { $found } is written
policy-form = “{ $value }” does not fit here: the value is not of the form expected
policy-form-here = the value here is not of the form expected
policy-kind-string = a string
policy-kind-integer = a whole number
policy-kind-float = a decimal number
policy-kind-boolean = true or false
policy-kind-array = a list
policy-kind-table = a table
policy-kind-date = a date (YYYY-MM-DD)

## Versions and dated values
policy-no-version = needs at least one version
policy-version-order = { $date } is not after the previous version's date ({ $previous })
policy-no-value = needs at least one value
policy-value-order = { $date } is not after the previous value's date ({ $previous })
policy-negative = { $value } is negative

## Parameters and regional parameters
policy-parameter-required = missing: the rules use the parameter { $name }
policy-parameter-name = “{ $name }”: parameter names are lower-case Latin letters and digits, words joined by “_”
policy-regional-required = missing: the permanent-residence rule uses the regional parameter { $name }
policy-region-missing = no value for a region: { $region } ({ $code })
policy-region-code = “{ $code }” is not a region code

## Rules and grounds of cancellation
policy-rule-no-basis = the rule { $rule } has no legal basis in this policy file
policy-rule-unknown = “{ $rule }” is not a rule; the rules are: { $rules }
policy-ground-unknown = “{ $ground }” is not a ground of cancellation; the grounds are: { $grounds }
policy-ground-missing = missing: a permit can be cancelled on the ground { $ground }

## The valuable-skills points grid
policy-factor-twice = the factor “{ $factor }” appears twice
policy-factor-scoring = the factor “{ $factor }” cannot be scored this way (use “{ $scoring }”)
policy-points-cap = the points ({ $points }) are above the factor's cap ({ $cap })
policy-points-range = the points ({ $points }) must be between 1 and the factor's cap ({ $cap })
policy-no-bracket = needs at least one bracket
policy-bracket-bounds = a bracket needs the bound at_least, up_to or both
policy-bracket-order = the lower bound at_least ({ $at_least }) is above the upper bound up_to ({ $up_to })
policy-level-unknown = “{ $level }” is not a level; the levels are: { $levels }
policy-minimum-range = the minimum ({ $minimum }) must be between 1 and the grid's maximum ({ $maximum })

## Occupations, sectors and the list's methodology
policy-not-a-group = { $code } is not a group of the occupation classifier
policy-sectors-none = names no sector
policy-sector-name = “{ $name }”: sector names are lower-case Latin letters, words joined by “_”
policy-sector-no-group = lists no occupation group
policy-no-sector-map = no sector map is in force on { $date }
policy-sector-not-in-map = the sector “{ $sector }” is not in the sector map in force on { $date }
policy-universe-empty = names no occupation group
policy-indicators-empty = names no indicator
policy-weight = { $weight } is not a weight: a weight is 0 or more
policy-not-a-number = is not a number
policy-indicator-twice = the indicator { $indicator } is listed twice
policy-weights-zero = the weights sum to zero
policy-k-range = k is { $k }; it must be between 1 and the number of indicators ({ $n })
policy-cutoff-range = { $cutoff } is not a score between 0 and 100
policy-at-least-one = must be at least 1

## Citizenship groups for the rules of stay
policy-nationality-unknown = { $code } is not a nationality code of the list of countries
policy-nationality-citizens = { $code }: Kazakhstan's citizens are not foreigners
policy-nationality-twice = { $code } is already listed at { $first }

## Public holidays
policy-holidays-until = { $date } is before the first day of the list ({ $from })
policy-holiday-outside = { $date } is outside the period the list covers ({ $from } to { $until })
policy-holiday-order = { $date } is not after the previous day ({ $previous }): the days are listed in order, each once
policy-working-weekday = { $date } is not a Saturday or a Sunday
policy-working-day-off = { $date } is also listed as a day off
