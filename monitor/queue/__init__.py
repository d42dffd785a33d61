"""The distributed task engine (Dramatiq) behind `queue:`: workers, and checks sent to them."""
