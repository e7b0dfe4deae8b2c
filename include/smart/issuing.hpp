// Issuing certificates: ES256 (P-256) keys and their DIDs (Ed25519 keys made before still
// work), frozen certificate records with stable serials, Open Badges 3.0 credentials signed
// as compact JWS (VC-JWT, alg ES256, kid a DID URL), short
// verification codes, verification, and the append-only register that is the source of
// truth for what was issued, revoked or replaced.
//
// One header per job under smart/issuing/, all included here: keys (keys and key files),
// record (records, serials, ids, codes), credential (OB 3.0, signing, wording, reading
// back), register (the append-only register), verify (verification), qr (QR codes of
// printed certificates), issue_cohort (the bulk-issuing policy). Documented in
// docs/certificates.md.
#pragma once

#include "smart/issuing/credential.hpp"
#include "smart/issuing/issue_cohort.hpp"
#include "smart/issuing/keys.hpp"
#include "smart/issuing/qr.hpp"
#include "smart/issuing/record.hpp"
#include "smart/issuing/register.hpp"
#include "smart/issuing/verify.hpp"
