"""Billing: platform plans and subscriptions through Stripe, webhooks and reconciliation."""
