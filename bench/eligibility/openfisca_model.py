"""An OpenFisca model of two of ashyq's rules, for the benchmark: permanent residence
(Article 49: solvency, housing, the exemptions) and the investor visa (category A6), as in
crates/core/src/rules/permanent_residence.rs and investor.rs.

The model is an OpenFisca tax-benefit system:

- entities: `person` (an applicant or a family member) and the group `application`, with the
  roles `applicant` (one) and `family_member`;
- parameters: read from the same policy file ashyq compiles in (data/policy/kz.toml): the MCI
  and the permanent-residence and investor parameters with their dated values, the price of
  housing per m² by region, and the official exchange rates (from the rates file imported into
  ashyq's database), each currency a parameter with a value per day the rate was set;
- variables: the facts are inputs; every condition is a formula over numpy arrays of all the
  persons or applications at once.

Each application has its own date, and every rule is decided on it (the MCI of that date's
year, the certificate's 180 days before it, the rate of each investment's own date). So the
dates are inputs and dated parameters are looked up per application, vectorised: np.searchsorted
over a parameter's dated values, or `parameters(instant)` per segment of dates for the
regional price. The simulation period (one day) is only what OpenFisca needs to calculate; no
formula depends on it.

    python openfisca_model.py PREPARED.npz --rates RATES.csv --out OUTCOMES.csv

prints `timing: … build_s=… calculate_s=… write_s=… total_s=…` to stderr.
"""

import argparse
import csv
import sys
import time
import tomllib
from datetime import date
from pathlib import Path

import numpy as np
from openfisca_core.entities import build_entity
from openfisca_core.indexed_enums import Enum
from openfisca_core.parameters import ParameterNode
from openfisca_core.periods import DateUnit
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "data" / "policy" / "kz.toml"
REGIONS = ROOT / "data" / "regions.csv"
# How many days before a date the latest rate may be and still be in force on it
# (crates/core/src/rates/table.rs, MAX_GAP_DAYS).
MAX_GAP_DAYS = 10
ETERNITY, DAY = DateUnit.ETERNITY, DateUnit.DAY

# ---- entities ---------------------------------------------------------------------------------

Person = build_entity(
    key="person",
    plural="persons",
    label="A person: an applicant, or a member of the applicant's family",
    is_person=True,
)
Application = build_entity(
    key="application",
    plural="applications",
    label="An application: the applicant and the family moving with them",
    roles=[
        {"key": "applicant", "plural": "applicants", "label": "The applicant", "max": 1},
        {"key": "family_member", "plural": "family_members", "label": "A family member moving too"},
    ],
)


class Outcome(Enum):
    eligible = "eligible"
    ineligible = "ineligible"
    needs_officer = "needs_officer"
    # No decision: the programme or a parameter is not in force on the date, or no rate is.
    error = "error"


class Currency(Enum):
    KZT = "tenge"
    USD = "US dollar"
    EUR = "euro"


def region_codes():
    with open(REGIONS, newline="", encoding="utf-8") as f:
        return [row["code"] for row in csv.DictReader(f)]


Region = Enum("Region", [(code.replace("-", "_"), code) for code in region_codes()])

# ---- helpers -----------------------------------------------------------------------------------


def full_years(birth, on):
    """Full years of age on a date; born on 29 February, one turns a year older on 1 March in a
    common year (crates/core/src/rules/support.rs, age_on)."""
    by, bmd = year_and_day(birth)
    oy, omd = year_and_day(on)
    return oy - by - (omd < bmd)


def year_and_day(dates):
    """The year and month × 100 + day of datetime64[D] dates: numpy's calendar conversions made
    once per day of the span the dates cover, then gathered (much faster than converting every
    date)."""
    days = dates.astype(np.int64)
    if len(days) == 0:
        return days, days
    first = days.min()
    span = np.arange(first, days.max() + 1).astype("datetime64[D]")
    years = span.astype("datetime64[Y]")
    months = span.astype("datetime64[M]")
    year = years.astype(np.int64) + 1970
    month_day = ((months - years).astype(np.int64) + 1) * 100 + (span - months).astype(np.int64) + 1
    i = days - first
    return year[i], month_day[i]


class DatedValues:
    """A leaf parameter's dated values as two sorted arrays, for a vectorised lookup."""

    def __init__(self, parameter):
        items = sorted((v.instant_str, v.value) for v in parameter.values_list)
        self.starts = np.array([i for i, _ in items], dtype="datetime64[D]")
        self.values = np.array([np.nan if v is None else v for _, v in items], dtype=np.float64)

    def at(self, dates, max_age_days=None):
        """The value in force on each date (the latest set on or before it; NaN before the
        first, or when the latest is more than `max_age_days` old)."""
        i = np.searchsorted(self.starts, dates, side="right") - 1
        found = i >= 0
        i = np.maximum(i, 0)
        if max_age_days is not None:
            found &= (dates - self.starts[i]) <= np.timedelta64(max_age_days, "D")
        return np.where(found, self.values[i], np.nan)


def dated(population, path):
    """The `DatedValues` of a parameter (dotted path), cached on the tax-benefit system."""
    tbs = population.simulation.tax_benefit_system
    cache = tbs.dated_values
    if path not in cache:
        node = tbs.parameters
        for key in path.split("."):
            node = node.children[key] if hasattr(node, "children") else getattr(node, key)
        cache[path] = DatedValues(node)
    return cache[path]


def breakpoints(node):
    """Every date a value of the node (or of one of its children) starts."""
    if hasattr(node, "children"):
        return sorted({d for child in node.children.values() for d in breakpoints(child)})
    return sorted(v.instant_str for v in node.values_list)


# ---- inputs ------------------------------------------------------------------------------------


def input_variable(name, entity, value_type, label, **extra):
    """A fact of the application: given, constant over time."""
    attrs = dict(value_type=value_type, entity=entity, definition_period=ETERNITY, label=label, **extra)
    return type(name, (Variable,), attrs)


INPUTS = [
    # The application.
    input_variable("application_date", Application, date, "The date of the application (the rules apply as on it)"),
    input_variable("passport_expiry", Application, date, "The applicant's passport expires on"),
    input_variable("criminal_record", Application, bool, "The applicant declares a criminal record"),
    # Permanent residence.
    input_variable("region", Application, Enum, "Where the family will live", possible_values=Region, default_value=Region.KZ_75),
    input_variable("housing_by_contract", Application, bool, "Housing is provided under a contract"),
    input_variable("has_housing_funds", Application, bool, "Funds for housing are declared"),
    input_variable("housing_funds", Application, float, "Funds for housing, KZT"),
    input_variable("ethnic_kazakh", Application, bool, "The applicant is a kandas"),
    input_variable("former_citizen", Application, bool, "The applicant is a former citizen"),
    input_variable("simplified_citizenship", Application, bool, "The applicant may acquire citizenship in the simplified procedure"),
    input_variable("occupation", Application, int, "The applicant's unit group (ISCO-08), 0 when none"),
    input_variable("birth_date", Person, date, "Date of birth"),
    input_variable("has_funds", Person, bool, "A bank certifies funds on the person's own account"),
    input_variable("funds", Person, float, "Funds on the account, KZT"),
    input_variable("funds_in_kazakh_bank", Person, bool, "The account is in a bank of Kazakhstan"),
    input_variable("funds_certified_on", Person, date, "The date of the bank's certificate"),
]


def investment_inputs(k):
    return [
        input_variable(f"investment_{k}_made", Application, bool, f"Investment {k} is declared"),
        input_variable(f"investment_{k}_has_bin", Application, bool, f"Investment {k}'s recipient has a Kazakh BIN"),
        input_variable(f"investment_{k}_amount", Application, float, f"Investment {k}: amount in its currency"),
        input_variable(f"investment_{k}_currency", Application, Enum, f"Investment {k}: currency", possible_values=Currency, default_value=Currency.KZT),
        input_variable(f"investment_{k}_date", Application, date, f"Investment {k}: the date it was made"),
    ]


# ---- permanent residence -------------------------------------------------------------------------


class pr_solvency_required(Variable):
    value_type = float
    entity = Application
    definition_period = DAY
    label = "Funds each adult must hold: pr_solvency_per_applicant MCI at the MCI of the date, KZT"

    def formula(application, period, parameters):
        on = application("application_date", period)
        return dated(application, "pr.solvency_per_applicant").at(on) * dated(application, "mci").at(on)


class pr_certificate_days(Variable):
    value_type = float
    entity = Application
    definition_period = DAY
    label = "Validity of the bank's certificate on the date, days"

    def formula(application, period, parameters):
        return dated(application, "pr.bank_certificate_validity").at(application("application_date", period))


class pr_solvency_min_age(Variable):
    value_type = float
    entity = Application
    definition_period = DAY
    label = "Age from which a family member proves solvency, on the date"

    def formula(application, period, parameters):
        return dated(application, "pr.solvency_min_age").at(application("application_date", period))


class age(Variable):
    value_type = int
    entity = Person
    definition_period = DAY
    label = "Full years of age on the date of the application"

    def formula(person, period, parameters):
        return full_years(person("birth_date", period), person.application("application_date", period))


class proves_solvency(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "The person's own funds prove solvency"
    reference = "Law 'On population migration', Article 49"

    def formula(person, period, parameters):
        on = person.application("application_date", period)
        required = person.application("pr_solvency_required", period)
        days = person.application("pr_certificate_days", period)
        certified = person("funds_certified_on", period)
        oldest = on - days.astype(np.int64).astype("timedelta64[D]")
        return (
            person("has_funds", period)
            * person("funds_in_kazakh_bank", period)
            * (certified <= on)
            * (certified >= oldest)
            * (person("funds", period) >= required)
        )


class must_prove_solvency(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "A family member of the age from which solvency is proven"

    def formula(person, period, parameters):
        min_age = person.application("pr_solvency_min_age", period)
        member = person.has_role(Application.FAMILY_MEMBER)
        return member * (person("age", period) >= min_age)


class pr_housing_required(Variable):
    value_type = float
    entity = Application
    definition_period = DAY
    label = "Funds for housing: persons × the housing norm × the region's price per m², KZT"

    def formula(application, period, parameters):
        on = application("application_date", period)
        region = application("region", period)
        persons = application.nb_persons()
        norm = dated(application, "pr.housing_norm").at(on)
        # The regional price, by segment of dates between the values' start dates: the node in
        # force from each start date, as a table by region, gathered by each region's index.
        # (OpenFisca's own fancy indexing, `…housing_price_m2[region]`, gives the same numbers
        # but walks the array element by element in Python: 0.46 s of the 0.8 s here.)
        starts = breakpoints(application.simulation.tax_benefit_system.parameters.pr.housing_price_m2)
        segment = np.searchsorted(np.array(starts, dtype="datetime64[D]"), on, side="right") - 1
        index = np.asarray(region)
        price = np.full(len(on), np.nan)
        for s in np.unique(segment):
            if s < 0:
                continue
            mask = segment == s
            node = parameters(starts[s]).pr.housing_price_m2
            table = np.array([node[item.name] for item in Region], dtype=np.float64)
            price[mask] = table[index[mask]]
        return persons * norm * price


class pr_occupation_in_demand(Variable):
    value_type = bool
    entity = Application
    definition_period = DAY
    label = "The applicant's occupation is on the list of professions in demand in force on the date"

    def formula(application, period, parameters):
        # The published lists (tax_benefit_system.published_lists: (from, unit groups) pairs).
        # The bench database has none, on either side: no one is exempt on this ground.
        lists = application.simulation.tax_benefit_system.published_lists
        on = application("application_date", period)
        occupation = application("occupation", period)
        result = np.zeros(len(on), dtype=bool)
        for i, (start, codes) in enumerate(lists):
            end = lists[i + 1][0] if i + 1 < len(lists) else np.datetime64("9999-12-31")
            in_force = (on >= start) & (on < end)
            result |= in_force & np.isin(occupation, codes)
        return result


class pr_exempt_from_solvency(Variable):
    value_type = bool
    entity = Application
    definition_period = DAY
    label = "Exempt from proving solvency: an occupation in demand, a kandas, a former citizen, simplified citizenship"

    def formula(application, period, parameters):
        return (
            application("pr_occupation_in_demand", period)
            + application("ethnic_kazakh", period)
            + application("former_citizen", period)
            + application("simplified_citizenship", period)
        )


class passport_expired(Variable):
    value_type = bool
    entity = Application
    definition_period = DAY
    label = "pr.passport, inv.passport: the passport has expired by the date"

    def formula(application, period, parameters):
        return application("passport_expiry", period) < application("application_date", period)


class pr_fails_solvency_applicant(Variable):
    value_type = bool
    entity = Application
    definition_period = DAY
    label = "pr.solvency.applicant, failed and not set aside"

    def formula(application, period, parameters):
        solvent = application.any(application.members("proves_solvency", period), role=Application.APPLICANT)
        return ~solvent * ~application("pr_exempt_from_solvency", period)


class pr_fails_solvency_family(Variable):
    value_type = bool
    entity = Application
    definition_period = DAY
    label = "pr.solvency.family, failed and not set aside"

    def formula(application, period, parameters):
        members = application.members
        short = members("must_prove_solvency", period) * ~members("proves_solvency", period)
        return application.any(short, role=Application.FAMILY_MEMBER) * ~application("pr_exempt_from_solvency", period)


class pr_fails_housing(Variable):
    value_type = bool
    entity = Application
    definition_period = DAY
    label = "pr.housing, failed and not set aside (by a housing contract or an exemption)"

    def formula(application, period, parameters):
        funded = application("has_housing_funds", period) * (
            application("housing_funds", period) >= application("pr_housing_required", period)
        )
        return ~funded * ~application("housing_by_contract", period) * ~application("pr_exempt_from_solvency", period)


class pr_outcome(Variable):
    value_type = Enum
    possible_values = Outcome
    default_value = Outcome.error
    entity = Application
    definition_period = DAY
    label = "Permanent residence: the decision"

    def formula(application, period, parameters):
        in_force = ~np.isnan(application("pr_solvency_required", period)) * ~np.isnan(
            application("pr_housing_required", period)
        )
        fails = (
            application("passport_expired", period)
            + application("pr_fails_solvency_applicant", period)
            + application("pr_fails_solvency_family", period)
            + application("pr_fails_housing", period)
        )
        return np.select(
            [~in_force, fails, application("criminal_record", period)],
            [Outcome.error.index, Outcome.ineligible.index, Outcome.needs_officer.index],
            Outcome.eligible.index,
        )


# ---- investor visa -----------------------------------------------------------------------------


def investment_formulas(k):
    def counted(application, period, parameters):
        return (
            application(f"investment_{k}_made", period)
            * application(f"investment_{k}_has_bin", period)
            * (application(f"investment_{k}_date", period) <= application("application_date", period))
        )

    def rate(application, period, currency):
        """The official rate of `currency` in force on the investment's date (NaN when none)."""
        return dated(application, f"official_rates.{currency}").at(
            application(f"investment_{k}_date", period), max_age_days=MAX_GAP_DAYS
        )

    def usd(application, period, parameters):
        amount = application(f"investment_{k}_amount", period)
        currency = application(f"investment_{k}_currency", period)
        usd_rate = rate(application, period, "USD")
        eur_rate = rate(application, period, "EUR")
        return np.select(
            [currency == Currency.USD, currency == Currency.KZT, currency == Currency.EUR],
            [amount, amount / usd_rate, amount * eur_rate / usd_rate],
            np.nan,
        )

    return [
        type(f"investment_{k}_counted", (Variable,), dict(
            value_type=bool, entity=Application, definition_period=DAY,
            label=f"Investment {k} counts: a Kazakh recipient (BIN), made by the date", formula=counted)),
        type(f"investment_{k}_usd", (Variable,), dict(
            value_type=float, entity=Application, definition_period=DAY,
            label=f"Investment {k} in US dollars at the official rates of its date (NaN: no rate)", formula=usd)),
    ]


def investment_total(slots):
    def formula(application, period, parameters):
        total = np.zeros(application.count)
        missing = np.zeros(application.count, dtype=bool)
        for k in range(slots):
            counted = application(f"investment_{k}_counted", period)
            usd = application(f"investment_{k}_usd", period)
            missing |= counted & np.isnan(usd)
            total += np.where(counted, usd, 0.0)
        return np.where(missing, np.nan, total)

    return type("investment_total_usd", (Variable,), dict(
        value_type=float, entity=Application, definition_period=DAY,
        label="The investments that count, in US dollars (NaN: a rate is missing)", formula=formula))


class inv_threshold(Variable):
    value_type = float
    entity = Application
    definition_period = DAY
    label = "Investor visa: the threshold in force on the date, USD"

    def formula(application, period, parameters):
        return dated(application, "investor.threshold").at(application("application_date", period))


class inv_fails_threshold(Variable):
    value_type = bool
    entity = Application
    definition_period = DAY
    label = "inv.threshold: the investments that count total less than the threshold"

    def formula(application, period, parameters):
        return ~(application("investment_total_usd", period) >= application("inv_threshold", period))


class inv_outcome(Variable):
    value_type = Enum
    possible_values = Outcome
    default_value = Outcome.error
    entity = Application
    definition_period = DAY
    label = "Investor visa: the decision"

    def formula(application, period, parameters):
        error = np.isnan(application("inv_threshold", period)) + np.isnan(application("investment_total_usd", period))
        fails = application("passport_expired", period) + application("inv_fails_threshold", period)
        return np.select(
            [error, fails, application("criminal_record", period)],
            [Outcome.error.index, Outcome.ineligible.index, Outcome.needs_officer.index],
            Outcome.eligible.index,
        )


# ---- the tax-benefit system ------------------------------------------------------------------


def parameter(versions):
    """A kz.toml parameter (dated values) as an OpenFisca parameter."""
    return {"values": {str(v["from"]): {"value": float(v["value"])} for v in versions}}


def read_rates(path):
    """The rates file imported into ashyq (date,currency,rate[,quantity]): {currency: {date: KZT per unit}}."""
    rates = {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            row = {k.strip().lower(): v.strip() for k, v in row.items() if k}
            quantity = float(row.get("quantity") or 1)
            rate = float(row["rate"].replace(",", ".")) / quantity
            rates.setdefault(row["currency"].upper(), {})[row["date"]] = rate
    return rates


class EligibilitySystem(TaxBenefitSystem):
    def __init__(self, rates_csv, slots, published_lists=()):
        super().__init__([Person, Application])
        policy = tomllib.loads(POLICY.read_text(encoding="utf-8"))
        p = policy["parameters"]
        prices = policy["regional_parameters"]["housing_price_m2"]["values"]
        by_region = {}
        for version in prices:
            for code, value in version["by_region"].items():
                by_region.setdefault(code.replace("-", "_"), {})[str(version["from"])] = {"value": float(value)}
        rates = read_rates(rates_csv)
        self.parameters = ParameterNode("", data={
            "mci": parameter(p["mci"]["values"]),
            "pr": {
                "solvency_per_applicant": parameter(p["pr_solvency_per_applicant"]["values"]),
                "solvency_min_age": parameter(p["pr_solvency_min_age"]["values"]),
                "housing_norm": parameter(p["pr_housing_norm"]["values"]),
                "bank_certificate_validity": parameter(p["pr_bank_certificate_validity"]["values"]),
                "housing_price_m2": {code: {"values": values} for code, values in by_region.items()},
            },
            "investor": {"threshold": parameter(p["investor_threshold"]["values"])},
            "official_rates": {
                c: {"values": {d: {"value": r} for d, r in sorted(rates.get(c, {}).items())} or {"1900-01-01": {"value": None}}}
                for c in ("USD", "EUR")
            },
        })
        self.dated_values = {}
        self.published_lists = [(np.datetime64(start), np.array(codes)) for start, codes in published_lists]
        self.add_variables(*INPUTS)
        self.add_variables(
            pr_solvency_required, pr_certificate_days, pr_solvency_min_age, age, proves_solvency,
            must_prove_solvency, pr_housing_required, pr_occupation_in_demand, pr_exempt_from_solvency,
            passport_expired, pr_fails_solvency_applicant, pr_fails_solvency_family, pr_fails_housing,
            pr_outcome, inv_threshold, inv_fails_threshold, inv_outcome,
        )
        for k in range(slots):
            self.add_variables(*investment_inputs(k), *investment_formulas(k))
        self.add_variable(investment_total(slots))


# ---- simulations -------------------------------------------------------------------------------

PR_RULES = ["pr.passport", "pr.solvency.applicant", "pr.solvency.family", "pr.housing"]
INV_RULES = ["inv.passport", "inv.threshold"]


def pr_simulation(tbs, d):
    sb = SimulationBuilder()
    sb.create_entities(tbs)
    sb.declare_person_entity("person", np.arange(len(d["person_application"])))
    applications = sb.declare_entity("application", np.arange(len(d["pr_reference"])))
    sb.join_with_persons(applications, d["person_application"], d["person_role"].astype(np.int64))
    sim = sb.build(tbs)
    for name, key in [
        ("application_date", "pr_on"), ("passport_expiry", "pr_passport_expiry"),
        ("criminal_record", "pr_criminal_record"), ("region", "pr_region"),
        ("housing_by_contract", "pr_housing_by_contract"), ("has_housing_funds", "pr_has_housing_funds"),
        ("housing_funds", "pr_housing_funds"), ("ethnic_kazakh", "pr_ethnic_kazakh"),
        ("former_citizen", "pr_former_citizen"), ("simplified_citizenship", "pr_simplified_citizenship"),
        ("occupation", "pr_occupation"), ("birth_date", "person_birth_date"), ("has_funds", "person_has_funds"),
        ("funds", "person_funds"), ("funds_in_kazakh_bank", "person_kazakh_bank"),
        ("funds_certified_on", "person_certified_on"),
    ]:
        value = d[key].astype(np.int64) if name == "region" else d[key]
        sim.set_input(name, "eternity", value)
    return sim


def investor_simulation(tbs, d, slots):
    n = len(d["inv_reference"])
    sb = SimulationBuilder()
    sb.create_entities(tbs)
    sb.declare_person_entity("person", np.arange(n))
    applications = sb.declare_entity("application", np.arange(n))
    sb.join_with_persons(applications, np.arange(n), np.zeros(n, dtype=np.int64))
    sim = sb.build(tbs)
    sim.set_input("application_date", "eternity", d["inv_on"])
    sim.set_input("passport_expiry", "eternity", d["inv_passport_expiry"])
    sim.set_input("criminal_record", "eternity", d["inv_criminal_record"])
    for k in range(slots):
        sim.set_input(f"investment_{k}_made", "eternity", d["slot_present"][:, k])
        sim.set_input(f"investment_{k}_has_bin", "eternity", d["slot_has_bin"][:, k])
        sim.set_input(f"investment_{k}_amount", "eternity", d["slot_amount"][:, k])
        sim.set_input(f"investment_{k}_currency", "eternity", d["slot_currency"][:, k].astype(np.int64))
        sim.set_input(f"investment_{k}_date", "eternity", d["slot_date"][:, k])
    return sim


def rules_text(flags, names):
    """Per row, the failed rules joined by ';' (a bit mask and a table of its 2^n strings)."""
    mask = np.zeros(len(flags[0]), dtype=np.int64)
    for bit, f in enumerate(flags):
        mask |= f.astype(np.int64) << bit
    table = np.array([";".join(n for b, n in enumerate(names) if m >> b & 1) for m in range(1 << len(names))], dtype=object)
    return table[mask]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("prepared", help="the .npz prepare.py wrote")
    ap.add_argument("--rates", required=True, help="the rates CSV imported into ashyq")
    ap.add_argument("--out", required=True, help="CSV: reference,programme,outcome,failing_rules")
    args = ap.parse_args()

    t0 = time.perf_counter()
    d = dict(np.load(args.prepared))
    slots = d["slot_present"].shape[1]
    tbs = EligibilitySystem(args.rates, slots)
    pr = pr_simulation(tbs, d)
    inv = investor_simulation(tbs, d, slots)
    on = np.concatenate([d["pr_on"], d["inv_on"]])
    period = str(on.max()) if len(on) else "2026-01-01"
    t1 = time.perf_counter()

    pr_outcome = pr.calculate("pr_outcome", period)
    pr_fails = [pr.calculate(v, period) for v in
                ("passport_expired", "pr_fails_solvency_applicant", "pr_fails_solvency_family", "pr_fails_housing")]
    inv_outcome = inv.calculate("inv_outcome", period)
    inv_fails = [inv.calculate(v, period) for v in ("passport_expired", "inv_fails_threshold")]
    t2 = time.perf_counter()

    with open(args.out, "w", encoding="utf-8", newline="") as f:
        f.write("reference,programme,outcome,failing_rules\n")
        for refs, programme, outcome, fails, names in [
            (d["pr_reference"], "permanent-residence", pr_outcome, pr_fails, PR_RULES),
            (d["inv_reference"], "investor-visa", inv_outcome, inv_fails, INV_RULES),
        ]:
            if not len(refs):
                continue
            outcomes = np.array([o.name for o in Outcome], dtype=object)[np.asarray(outcome)]
            failing = rules_text(fails, names)
            # A refusal rests on its failed rules; other outcomes list none.
            failing = np.where(outcomes == "ineligible", failing, "")
            f.writelines(
                f"APP-{r:07d},{programme},{o},{r_}\n" for r, o, r_ in zip(refs.tolist(), outcomes, failing)
            )
    t3 = time.perf_counter()
    n = len(d["pr_reference"]) + len(d["inv_reference"])
    print(
        f"timing: lines={n} permanent_residence={len(d['pr_reference'])} investor={len(d['inv_reference'])} "
        f"persons={len(d['person_application'])} build_s={t1 - t0:.3f} calculate_s={t2 - t1:.3f} "
        f"write_s={t3 - t2:.3f} total_s={t3 - t0:.3f}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
