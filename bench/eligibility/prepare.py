"""Flattens the generated applications for OpenFisca (NOT timed).

Reads the JSON Lines that `ashyq generate applications` writes, keeps the permanent-residence
and investor-visa applications, and writes their facts as numpy columns to one `.npz` file:

- permanent residence: one row per application (date, region, housing, the applicant's
  declarations) and one row per person (the applicant and each family member: birth date and
  bank certificate), with the index of the person's application and the person's role;
- investor visa: one row per application, and its investments in `K` slots (K = the most
  investments any application has), each slot with a flag saying whether it is used.

Amounts become float64, dates datetime64[D]. Nothing is decided here: no threshold, no rate,
no comparison — only the layout changes. Exchange rates are looked up in the timed part.

    python prepare.py APPLICATIONS.jsonl OUT.npz [--regions data/regions.csv]
"""

import argparse
import csv
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
NULL_DATE = "1970-01-01"  # filler where a date is absent (a flag says it is)
CURRENCIES = ["KZT", "USD", "EUR"]  # the order of the model's Currency enum
WANTED = ('"programme":"permanent-residence"', '"programme":"investor-visa"')


def regions(path):
    """ISO code and KATO code → index in data/regions.csv (the order of the model's Region enum)."""
    index = {}
    with open(path, newline="", encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f)):
            index[row["code"]] = i
            index[row["kato"]] = i
            index[row["code"].lower()] = i
    return index


def unit_group(code):
    """'2512' or '2512-1' → 2512; None → 0."""
    if code is None:
        return 0
    return int(code.split("-")[0][:4])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("applications")
    ap.add_argument("out")
    ap.add_argument("--regions", default=str(ROOT / "data" / "regions.csv"))
    args = ap.parse_args()
    start = time.perf_counter()
    region_index = regions(args.regions)

    # Permanent residence: applications, persons.
    pr_ref, pr_on, pr_region, pr_contract, pr_has_housing, pr_housing = [], [], [], [], [], []
    pr_passport, pr_criminal, pr_kandas, pr_former, pr_simplified, pr_occupation = [], [], [], [], [], []
    p_app, p_role, p_birth, p_has, p_amount, p_kz, p_cert = [], [], [], [], [], [], []
    # Investor visa: applications, investments (flat first, slotted below).
    iv_ref, iv_on, iv_passport, iv_criminal = [], [], [], []
    inv_app, inv_bin, inv_amount, inv_currency, inv_date = [], [], [], [], []
    skipped = 0

    def person(app, role, birth, funds):
        p_app.append(app)
        p_role.append(role)
        p_birth.append(birth)
        if funds is None:
            p_has.append(False)
            p_amount.append(0.0)
            p_kz.append(False)
            p_cert.append(NULL_DATE)
        else:
            p_has.append(True)
            p_amount.append(float(funds["amount_kzt"]))
            p_kz.append(bool(funds["kazakh_bank"]))
            p_cert.append(funds["certified_on"])

    with open(args.applications, encoding="utf-8") as f:
        for line in f:
            # A cheap filter before parsing (for compact JSON): the other programmes are not needed.
            if '"programme":"' in line and not any(w in line for w in WANTED):
                skipped += 1
                continue
            a = json.loads(line)
            ref = int(a["reference"].removeprefix("APP-"))
            facts = a["facts"]
            if a["programme"] == "permanent-residence":
                i = len(pr_ref)
                pr_ref.append(ref)
                pr_on.append(a["on"])
                pr_region.append(region_index[facts["region"]])
                h = facts["housing"]
                pr_contract.append(bool(h["provided_by_contract"]))
                pr_has_housing.append(h.get("funds_kzt") is not None)
                pr_housing.append(float(h["funds_kzt"]) if h.get("funds_kzt") is not None else 0.0)
                ap_ = facts["applicant"]
                pr_passport.append(ap_["passport_expiry"])
                pr_criminal.append(bool(ap_["criminal_record"]))
                pr_kandas.append(bool(ap_["ethnic_kazakh"]))
                pr_former.append(bool(ap_["former_citizen"]))
                pr_simplified.append(bool(ap_["simplified_citizenship"]))
                pr_occupation.append(unit_group(ap_.get("occupation")))
                person(i, 0, ap_["birth_date"], ap_.get("funds"))
                for m in facts["family"]:
                    person(i, 1, m["birth_date"], m.get("funds"))
            elif a["programme"] == "investor-visa":
                i = len(iv_ref)
                iv_ref.append(ref)
                iv_on.append(a["on"])
                iv_passport.append(facts["passport_expiry"])
                iv_criminal.append(bool(facts["criminal_record"]))
                for inv in facts["investments"]:
                    inv_app.append(i)
                    inv_bin.append(inv.get("bin") is not None)
                    inv_amount.append(float(inv["amount"]))
                    inv_currency.append(CURRENCIES.index(inv["currency"].upper()))
                    inv_date.append(inv["date"])
            else:
                skipped += 1

    # Investments into slots: slot k of application i holds its k-th investment.
    n_inv = len(iv_ref)
    inv_app = np.array(inv_app, dtype=np.int64)
    counts = np.bincount(inv_app, minlength=n_inv) if n_inv else np.zeros(0, dtype=np.int64)
    k = int(counts.max()) if n_inv and len(inv_app) else 1
    first = np.concatenate([[0], np.cumsum(counts)[:-1]]) if n_inv else np.zeros(0, dtype=np.int64)
    slot = np.arange(len(inv_app)) - first[inv_app] if len(inv_app) else np.zeros(0, dtype=np.int64)
    present = np.zeros((n_inv, k), dtype=bool)
    has_bin = np.zeros((n_inv, k), dtype=bool)
    amount = np.zeros((n_inv, k), dtype=np.float64)
    currency = np.zeros((n_inv, k), dtype=np.int16)
    date = np.full((n_inv, k), np.datetime64(NULL_DATE), dtype="datetime64[D]")
    present[inv_app, slot] = True
    has_bin[inv_app, slot] = np.array(inv_bin, dtype=bool)
    amount[inv_app, slot] = np.array(inv_amount, dtype=np.float64)
    currency[inv_app, slot] = np.array(inv_currency, dtype=np.int16)
    date[inv_app, slot] = np.array(inv_date, dtype="datetime64[D]")

    d = lambda xs: np.array(xs, dtype="datetime64[D]")  # noqa: E731
    b = lambda xs: np.array(xs, dtype=bool)  # noqa: E731
    np.savez(
        args.out,
        pr_reference=np.array(pr_ref, dtype=np.int64),
        pr_on=d(pr_on),
        pr_region=np.array(pr_region, dtype=np.int16),
        pr_housing_by_contract=b(pr_contract),
        pr_has_housing_funds=b(pr_has_housing),
        pr_housing_funds=np.array(pr_housing, dtype=np.float64),
        pr_passport_expiry=d(pr_passport),
        pr_criminal_record=b(pr_criminal),
        pr_ethnic_kazakh=b(pr_kandas),
        pr_former_citizen=b(pr_former),
        pr_simplified_citizenship=b(pr_simplified),
        pr_occupation=np.array(pr_occupation, dtype=np.int32),
        person_application=np.array(p_app, dtype=np.int64),
        person_role=np.array(p_role, dtype=np.int8),
        person_birth_date=d(p_birth),
        person_has_funds=b(p_has),
        person_funds=np.array(p_amount, dtype=np.float64),
        person_kazakh_bank=b(p_kz),
        person_certified_on=d(p_cert),
        inv_reference=np.array(iv_ref, dtype=np.int64),
        inv_on=d(iv_on),
        inv_passport_expiry=d(iv_passport),
        inv_criminal_record=b(iv_criminal),
        slot_present=present,
        slot_has_bin=has_bin,
        slot_amount=amount,
        slot_currency=currency,
        slot_date=date,
    )
    print(
        f"prepared: permanent_residence={len(pr_ref)} persons={len(p_app)} investor={n_inv} "
        f"investments={len(inv_app)} slots={k} other_programmes={skipped} "
        f"seconds={time.perf_counter() - start:.1f}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
