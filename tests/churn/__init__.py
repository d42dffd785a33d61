"""Chrome-churn evaluation set: real and generated release pages whose chrome changes while the
statement stays byte-identical, served as mini-sites so a source's template can be learned."""
