#!/usr/bin/env python3
"""Writes the JWT seed corpus of fuzz_jwt and fuzz_apiserver: tokens signed with
fixed test keys (derived from constants, so the output is the same every run;
the keys sign nothing but these seeds) whose public JWK set fuzz_jwt.cpp embeds.
   tools/make-jwt-seeds.py   (from tests/fuzz; needs python3-cryptography)"""
import base64, json, os, sys
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, utils

def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

def seg(obj) -> str:
    return b64(json.dumps(obj, separators=(",", ":")).encode())

ec_key = ec.derive_private_key(0x0C11D5E1F0000000000000000000000000000000000000000000000000000001, ec.SECP256R1())
ed_key = ed25519.Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
ec_pub = ec_key.public_key().public_numbers()
jwks = {"keys": [
    {"kty": "EC", "crv": "P-256", "kid": "ec-1", "alg": "ES256", "use": "sig",
     "x": b64(ec_pub.x.to_bytes(32, "big")), "y": b64(ec_pub.y.to_bytes(32, "big"))},
    {"kty": "OKP", "crv": "Ed25519", "kid": "ed-1", "alg": "EdDSA", "use": "sig",
     "x": b64(ed_key.public_key().public_bytes_raw())},
]}

def sign(header, claims):
    signing_input = (seg(header) + "." + seg(claims)).encode()
    if header["alg"] == "ES256":
        r, s = utils.decode_dss_signature(ec_key.sign(signing_input, ec.ECDSA(hashes.SHA256())))
        sig = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    elif header["alg"] == "EdDSA":
        sig = ed_key.sign(signing_input)
    else:
        sig = b"not a signature"
    return signing_input.decode() + "." + b64(sig)

NOW = 1796601600  # 2026-12-07T00:00:00Z, the fuzz targets' "now"
ISS = "https://issuer.example"
id_claims = {"iss": ISS, "sub": "user-1", "aud": "clipshelf-desktop", "exp": NOW + 3600,
             "iat": NOW - 60, "nonce": "n-0123456789", "email": "ada@example.org", "name": "Ada"}
api_claims = {"iss": ISS, "sub": "user-1", "aud": "https://api.clipshelf.example", "exp": NOW + 3600,
              "nbf": NOW - 60, "iat": NOW - 60, "scope": "videos:read videos:write"}
tokens = {
    "id-es256": sign({"alg": "ES256", "kid": "ec-1", "typ": "JWT"}, id_claims),
    "id-eddsa": sign({"alg": "EdDSA", "kid": "ed-1"}, id_claims),
    "id-azp": sign({"alg": "ES256", "kid": "ec-1"}, dict(id_claims, aud=["clipshelf-desktop", "other"], azp="clipshelf-desktop")),
    "id-expired": sign({"alg": "ES256", "kid": "ec-1"}, dict(id_claims, exp=NOW - 7200)),
    "id-nokid": sign({"alg": "EdDSA"}, id_claims),
    "id-rs256-badsig": sign({"alg": "RS256", "kid": "rsa-1"}, id_claims),
    "id-none": seg({"alg": "none"}) + "." + seg(id_claims) + ".",
    "id-hs256": seg({"alg": "HS256"}) + "." + seg(id_claims) + "." + b64(b"x" * 32),
    "id-crit": sign({"alg": "ES256", "kid": "ec-1", "crit": ["exp"], "exp": 1}, id_claims),
    "api-es256": sign({"alg": "ES256", "kid": "ec-1", "typ": "at+jwt"}, api_claims),
    "api-eddsa-aud-list": sign({"alg": "EdDSA", "kid": "ed-1"}, dict(api_claims, aud=["x", "https://api.clipshelf.example"])),
    "api-nosub": sign({"alg": "ES256", "kid": "ec-1"}, {k: v for k, v in api_claims.items() if k != "sub"}),
}
out = sys.argv[1] if len(sys.argv) > 1 else "corpus/jwt"
os.makedirs(out, exist_ok=True)
for name, token in tokens.items():
    with open(os.path.join(out, name), "w") as f:
        f.write(token)
print(json.dumps(jwks, separators=(",", ":")))
